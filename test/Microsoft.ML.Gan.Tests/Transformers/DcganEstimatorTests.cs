using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Tests.Data;

namespace Microsoft.ML.Gan.Tests.Transformers;

[TestClass]
public sealed class DcganEstimatorTests
{
    private static string MnistImages => Path.Combine(TestFiles.RepositoryRoot, "data", "mnist10k", "images-idx3-ubyte.gz");

    /// <summary>A small, fast configuration: 128 digits, narrow networks, two steps an epoch.</summary>
    internal static DcganOptions SmallOptions(string? trainingDirectory = null, int epochs = 1) => new()
    {
        Epochs = epochs,
        BatchSize = 64,
        GeneratorWidth = 8,
        DiscriminatorWidth = 8,
        LatentSize = 16,
        SampleCount = 16,
        TrainingDirectory = trainingDirectory,
        TorchThreads = 2,
    };

    internal static IDataView Digits(MLContext mlContext, int rows = 128) => mlContext.Data.LoadIdx(MnistImages, maxRows: rows);

    [TestMethod]
    public void FitAddsScoreAndFeaturesOfTheDiscriminator()
    {
        var mlContext = new MLContext(seed: 1);
        var digits = Digits(mlContext);
        using var model = mlContext.Transforms.Gan.TrainDcgan(SmallOptions()).Fit(digits);

        var scored = model.Transform(digits);
        var scores = scored.GetColumn<VBuffer<float>>("Score").Select(s => s.DenseValues().Single()).ToList();
        var features = scored.GetColumn<VBuffer<float>>("Features").First();

        Assert.HasCount(128, scores);
        Assert.IsTrue(scores.All(s => s is > 0 and < 1), "scores are probabilities");
        Assert.AreEqual((8 + 16) * 16, features.Length);
        Assert.AreEqual(features.Length, model.FeatureCount);
        Assert.AreEqual(new ImageShape(1, 28, 28), model.ImageShape);
        Assert.HasCount(1, model.History.Entries);
        Assert.AreEqual(2, model.History.Entries[0].Step);
    }

    [TestMethod]
    public void GeneratorMakesImagesOfTheTrainingShapeInPixelRange()
    {
        var mlContext = new MLContext(seed: 1);
        using var model = mlContext.Transforms.Gan.TrainDcgan(SmallOptions()).Fit(Digits(mlContext));

        var images = model.Generator.Generate(count: 5, seed: 3);

        Assert.HasCount(5, images);
        Assert.IsTrue(images.All(image => image.Length == 784));
        Assert.IsTrue(images.SelectMany(image => image).All(v => v is >= 0 and <= 255), "pixels are clamped to 0..255");
        CollectionAssert.AreNotEqual(images[0], images[1], "different latents give different images");
    }

    [TestMethod]
    public void SameSeedGivesTheSameModel()
    {
        float[] Train()
        {
            var mlContext = new MLContext(seed: 7);
            using var model = mlContext.Transforms.Gan.TrainDcgan(SmallOptions()).Fit(Digits(mlContext));
            return model.Generator.Generate(1, seed: 0)[0];
        }

        CollectionAssert.AreEqual(Train(), Train());
    }

    [TestMethod]
    public void SavedModelsLoadWithStockMlNetAndScoreTheSame()
    {
        var mlContext = new MLContext(seed: 1);
        var digits = Digits(mlContext, rows: 64);
        var folder = TestFiles.NewTempFolder();
        using var model = mlContext.Transforms.Gan.TrainDcgan(SmallOptions()).Fit(digits);
        var latents = model.Generator.CreateLatents(3, seed: 5);
        mlContext.Model.Save(model, digits.Schema, Path.Combine(folder, "discriminator.zip"));
        mlContext.Model.Save(model.Generator, latents.Schema, Path.Combine(folder, "generator.zip"));

        var other = new MLContext();
        var discriminator = other.Model.Load(Path.Combine(folder, "discriminator.zip"), out _);
        var generator = other.Model.Load(Path.Combine(folder, "generator.zip"), out _);

        AssertColumnsEqual(model.Transform(digits), discriminator.Transform(digits), "Features");
        AssertColumnsEqual(model.Generator.Transform(latents), generator.Transform(latents), "Pixels");
    }

    [TestMethod]
    public void WrongInputColumnsAreRefusedBeforeTraining()
    {
        var mlContext = new MLContext(seed: 1);
        var estimator = mlContext.Transforms.Gan.TrainDcgan(SmallOptions());
        var labelsOnly = mlContext.Data.LoadFromEnumerable([new { Label = 1f }]);
        var text = mlContext.Data.LoadFromEnumerable([new { Pixels = "not pixels" }]);

        var missing = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.GetOutputSchema(ShapeOf(labelsOnly.Schema)));
        var wrongType = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.GetOutputSchema(ShapeOf(text.Schema)));

        StringAssert.Contains(missing.Message, "'Pixels' not found");
        StringAssert.Contains(wrongType.Message, "found");
        var output = estimator.GetOutputSchema(ShapeOf(Digits(mlContext).Schema));
        Assert.IsTrue(output.Any(c => c.Name == "Score") && output.Any(c => c.Name == "Features"));
    }

    [TestMethod]
    public void UnsupportedImageSizesAreRefusedWithTheReason()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 4).Select(_ => new SmallImage { Pixels = new float[400] });
        var data = mlContext.Data.LoadFromEnumerable(rows);

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => mlContext.Transforms.Gan.TrainDcgan(SmallOptions()).Fit(data));

        StringAssert.Contains(error.Message, "20×20");
    }

    [TestMethod]
    public void OptionsOutOfRangeNameTheOption()
    {
        var mlContext = new MLContext(seed: 1);
        var options = SmallOptions();
        options.BatchSize = 1;

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Transforms.Gan.TrainDcgan(options));

        Assert.AreEqual("BatchSize", error.ParamName);
    }

    /// <summary>ML.NET makes a SchemaShape of a schema only internally (pipelines do it for their users).</summary>
    internal static SchemaShape ShapeOf(DataViewSchema schema) =>
        (SchemaShape)typeof(SchemaShape).GetMethod("Create", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!
            .Invoke(null, [schema])!;

    internal static void AssertColumnsEqual(IDataView expected, IDataView actual, string column)
    {
        var left = expected.GetColumn<VBuffer<float>>(column).SelectMany(v => v.DenseValues()).ToArray();
        var right = actual.GetColumn<VBuffer<float>>(column).SelectMany(v => v.DenseValues()).ToArray();
        Assert.HasCount(left.Length, right);
        CollectionAssert.AreEqual(left, right);
    }

    private sealed class SmallImage
    {
        [VectorType(400)]
        public float[] Pixels = [];
    }
}
