using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Tests.Data;
using Microsoft.ML.Gan.Tests.Reporting;
using Microsoft.ML.Trainers;
using static Microsoft.ML.Gan.Tests.Transformers.DcganEstimatorTests;

namespace Microsoft.ML.Gan.Tests.Transformers;

/// <summary>DiscriminatorFeatures: from memory, from discriminator.zip, untrained; layers and grid; save and load; errors.</summary>
[TestClass]
public sealed class DiscriminatorFeaturesTests
{
    /// <summary>The two hidden layers of the small DCGAN (widths 8 and 16) pooled to 4×4.</summary>
    private const int AllFeatures = (8 + 16) * 16;

    private static MLContext s_mlContext = null!;
    private static GanTransformer s_gan = null!;
    private static IDataView s_digits = null!;

    [ClassInitialize]
    public static void TrainOnce(TestContext context)
    {
        s_mlContext = new MLContext(seed: 1);
        s_digits = Digits(s_mlContext, rows: 128);
        s_gan = s_mlContext.Transforms.Gan.TrainDcgan(SmallOptions()).Fit(s_digits);
    }

    [ClassCleanup]
    public static void Release() => s_gan.Dispose();

    [TestMethod]
    public void InMemoryFeaturesMatchTheDiscriminatorsOwnFeatures()
    {
        using var features = s_mlContext.Transforms.Gan.DiscriminatorFeatures(s_gan).Fit(s_digits);

        var expected = Values(s_gan.Transform(s_digits), "Features");
        var actual = Values(features.Transform(s_digits), "Features");

        Assert.AreEqual(AllFeatures, features.FeatureCount);
        Assert.HasCount(expected.Length, actual);
        Assert.IsLessThanOrEqualTo(1e-5f, MaxAbsDifference(expected, actual), "the rebuilt discriminator computes the same features");
        Assert.IsNull(features.Transform(s_digits).Schema.GetColumnOrNull("Score"), "a features-only graph");
    }

    [TestMethod]
    public void ZipFeaturesMatchAndTheFeaturesModelSavesAndLoadsWithStockMlNet()
    {
        using var folder = new TemporaryFolder();
        s_mlContext.Model.Save(s_gan, s_digits.Schema, folder.File("discriminator.zip"));
        using var features = s_mlContext.Transforms.Gan.DiscriminatorFeatures(folder.File("discriminator.zip"), outputColumnName: "D").Fit(s_digits);
        s_mlContext.Model.Save(features, s_digits.Schema, folder.File("features.zip"));
        var loaded = new MLContext().Model.Load(folder.File("features.zip"), out _);

        var expected = Values(s_gan.Transform(s_digits), "Features");
        Assert.IsLessThanOrEqualTo(1e-5f, MaxAbsDifference(expected, Values(features.Transform(s_digits), "D")));
        CollectionAssert.AreEqual(Values(features.Transform(s_digits), "D"), Values(loaded.Transform(s_digits), "D"));
    }

    [TestMethod]
    public void ChosenLayersAndGridShapeTheFeatures()
    {
        using var second = s_mlContext.Transforms.Gan.DiscriminatorFeatures(s_gan, layers: [1]).Fit(s_digits);
        using var coarse = s_mlContext.Transforms.Gan.DiscriminatorFeatures(s_gan, grid: 1).Fit(s_digits);

        var all = Values(s_gan.Transform(s_digits).Preview(1), "Features");
        var secondOnly = Values(second.Transform(s_digits).Preview(1), "Features");
        var perChannelMax = Values(coarse.Transform(s_digits).Preview(1), "Features");

        Assert.AreEqual(16 * 16, second.FeatureCount);
        Assert.IsLessThanOrEqualTo(1e-5f, MaxAbsDifference(all[(8 * 16)..], secondOnly), "layer 1 is the tail of all features");
        Assert.AreEqual(8 + 16, coarse.FeatureCount);
        Assert.AreEqual(all[..16].Max(), perChannelMax[0], 1e-5f, "a 1×1 grid is the maximum of each map");
    }

    [TestMethod]
    public void UntrainedFeaturesFollowTheSeedAndDifferFromTrainedOnes()
    {
        var shape = new ImageShape(1, 28, 28);
        using var first = s_mlContext.Transforms.Gan.UntrainedDiscriminatorFeatures(shape, width: 8, seed: 3).Fit(s_digits);
        using var again = s_mlContext.Transforms.Gan.UntrainedDiscriminatorFeatures(shape, width: 8, seed: 3).Fit(s_digits);
        using var other = s_mlContext.Transforms.Gan.UntrainedDiscriminatorFeatures(shape, width: 8, seed: 4).Fit(s_digits);

        var values = Values(first.Transform(s_digits).Preview(2), "Features");
        Assert.AreEqual(AllFeatures, first.FeatureCount);
        CollectionAssert.AreEqual(values, Values(again.Transform(s_digits).Preview(2), "Features"));
        CollectionAssert.AreNotEqual(values, Values(other.Transform(s_digits).Preview(2), "Features"));
    }

    [TestMethod]
    public void MissingCorruptOrForeignZipsAreNamed()
    {
        using var folder = new TemporaryFolder();
        var missing = folder.File("missing.zip");
        var corrupt = folder.File("corrupt.zip");
        var generator = folder.File("generator.zip");
        File.WriteAllBytes(corrupt, [1, 2, 3, 4, 5]);
        s_mlContext.Model.Save(s_gan.Generator, s_gan.Generator.CreateLatents(1).Schema, generator);

        var notFound = Assert.ThrowsExactly<FileNotFoundException>(() => s_mlContext.Transforms.Gan.DiscriminatorFeatures(missing));
        var unreadable = Assert.ThrowsExactly<InvalidDataException>(() => s_mlContext.Transforms.Gan.DiscriminatorFeatures(corrupt));
        var foreign = Assert.ThrowsExactly<InvalidDataException>(() => s_mlContext.Transforms.Gan.DiscriminatorFeatures(generator));

        StringAssert.Contains(notFound.Message, missing);
        StringAssert.Contains(unreadable.Message, corrupt);
        StringAssert.Contains(foreign.Message, generator);
        StringAssert.Contains(foreign.Message, "not a DCGAN discriminator");
        StringAssert.Contains(foreign.Message, "dcgan_generator");
    }

    [TestMethod]
    public void InvalidOptionsAndInputsFailWithWhatWasExpected()
    {
        var layer = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => s_mlContext.Transforms.Gan.DiscriminatorFeatures(s_gan, layers: [2]));
        var sources = Assert.ThrowsExactly<ArgumentException>(() => s_mlContext.Transforms.Gan.DiscriminatorFeatures(
            new DiscriminatorFeaturesOptions { Discriminator = s_gan, ModelPath = "discriminator.zip" }));
        var estimator = s_mlContext.Transforms.Gan.DiscriminatorFeatures(s_gan, inputColumnName: "Image");
        var column = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.Fit(s_digits));
        var shape = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.GetOutputSchema(ShapeOf(s_mlContext.Data.LoadFromEnumerable([new { Image = "text" }]).Schema)));

        StringAssert.Contains(layer.Message, "from 0 to 1");
        StringAssert.Contains(layer.Message, "[2]");
        StringAssert.Contains(sources.Message, "found 2 set");
        StringAssert.Contains(column.Message, "Column 'Image' not found");
        StringAssert.Contains(shape.Message, "must be a known-size vector of Single");
    }

    [TestMethod]
    public void OnePipelineTrainsTheGanAndALinearSvmOnItsFeaturesAndSavesAsAWhole()
    {
        var mlContext = new MLContext(seed: 1);
        var root = Path.Combine(TestFiles.RepositoryRoot, "data", "mnist10k");
        var digits = mlContext.Data.LoadIdx(Path.Combine(root, "images-idx3-ubyte.gz"), Path.Combine(root, "labels-idx1-ubyte.gz"), maxRows: 256);
        var pipeline = mlContext.Transforms.Gan.TrainDcgan(SmallOptions())
            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
            .Append(mlContext.Transforms.Conversion.MapValueToKey("Label"))
            .Append(mlContext.MulticlassClassification.Trainers.OneVersusAll(
                mlContext.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options { NumberOfIterations = 10 })));
        var model = pipeline.Fit(mlContext.Data.TakeRows(digits, 192));
        using var folder = new TemporaryFolder();
        mlContext.Model.Save(model, digits.Schema, folder.File("svm.zip"));
        var loaded = new MLContext().Model.Load(folder.File("svm.zip"), out _);

        var test = mlContext.Data.SkipRows(digits, 192);
        var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(test));
        var loadedMetrics = mlContext.MulticlassClassification.Evaluate(loaded.Transform(test));

        Assert.IsGreaterThan(0.3, metrics.MicroAccuracy, "well above the 0.1 of chance on held-out digits");
        Assert.AreEqual(metrics.MicroAccuracy, loadedMetrics.MicroAccuracy);
        (model.First() as IDisposable)?.Dispose();
    }

    private static float[] Values(IDataView data, string column) =>
        data.GetColumn<VBuffer<float>>(column).SelectMany(v => v.DenseValues()).ToArray();

    private static float[] Values(DataDebuggerPreview preview, string column) =>
        preview.RowView.SelectMany(row => ((VBuffer<float>)row.Values.Single(pair => pair.Key == column).Value).DenseValues()).ToArray();

    private static float MaxAbsDifference(float[] left, float[] right) => left.Zip(right, (a, b) => Math.Abs(a - b)).Max();
}
