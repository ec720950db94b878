using Microsoft.ML.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Onnx;
using Microsoft.ML.Gan.Tests.Data;
using Microsoft.ML.Gan.Tests.Onnx;
using Microsoft.ML.Gan.Tests.Reporting;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Evaluation;

/// <summary>Training, export, save/load and evaluation of the digit classifier on a tiny, trivially separable set.</summary>
[TestClass]
public sealed class DigitClassifierTests
{
    private const int Side = 8;
    private const int Classes = 3;

    [TestMethod]
    public void LearnsASeparableSetAndIsDeterministic()
    {
        var mlContext = new MLContext(seed: 1);
        using var classifier = Train(mlContext);
        Assert.AreEqual(1.0, classifier.EvaluateAccuracy(Shapes(mlContext, 30, seed: 2)), "bright halves are told apart");
        Assert.AreEqual(Classes, classifier.ClassCount);
        Assert.AreEqual(DigitClassifierNetwork.FeatureCount, classifier.FeatureCount);

        using var again = Train(new MLContext(seed: 1));
        var test = Shapes(mlContext, 5, seed: 3);
        CollectionAssert.AreEqual(Probabilities(classifier, test), Probabilities(again, test), "same seed, same classifier");
    }

    [TestMethod]
    public void LearnsFromDeformedImagesWhichChangeWhatItLearns()
    {
        var mlContext = new MLContext(seed: 1);
        using var plain = Train(mlContext);
        using var deformed = Train(mlContext, deformation: 0.5);
        Assert.AreEqual(1.0, deformed.EvaluateAccuracy(Shapes(mlContext, 30, seed: 2)), "deformed bright halves are still told apart");
        var test = Shapes(mlContext, 5, seed: 3);
        CollectionAssert.AreNotEqual(Probabilities(plain, test).SelectMany(row => row).ToArray(),
            Probabilities(deformed, test).SelectMany(row => row).ToArray(), "the deformation reached training");
    }

    [TestMethod]
    public void SavedZipLoadsWithTheSameOutputs()
    {
        var mlContext = new MLContext(seed: 1);
        using var folder = new TemporaryFolder();
        using var classifier = Train(mlContext);
        classifier.Save(folder.File("classifier.zip"));
        using var loaded = DigitClassifier.Load(new MLContext(), folder.File("classifier.zip"));
        Assert.AreEqual(classifier.ImageShape, loaded.ImageShape);
        Assert.AreEqual(classifier.ProbabilitiesColumnName, loaded.ProbabilitiesColumnName);
        Assert.AreEqual(classifier.FeaturesColumnName, loaded.FeaturesColumnName);
        Assert.AreEqual(classifier.FeatureCount, loaded.FeatureCount);
        var test = Shapes(mlContext, 5, seed: 3);
        CollectionAssert.AreEqual(Probabilities(classifier, test), Probabilities(loaded, test));
    }

    [TestMethod]
    public void EvaluatorScoresRealAndGeneratedImages()
    {
        var mlContext = new MLContext(seed: 1);
        using var classifier = Train(mlContext);
        var evaluator = new GanEvaluator(classifier, Shapes(mlContext, 30, seed: 4));
        Assert.AreEqual(0, evaluator.RealMetrics.FrechetDistance);
        Assert.AreEqual(90, evaluator.RealMetrics.SampleCount);
        Assert.IsGreaterThan(2.5, evaluator.RealMetrics.ClassifierScore, "confident and evenly spread: close to 3 classes");
        Assert.AreEqual(1.0 / 3, evaluator.RealMetrics.MinClassShare, 1e-9);

        var sameKind = evaluator.Evaluate(Shapes(mlContext, 30, seed: 5));
        var oneClass = evaluator.Evaluate(Shapes(mlContext, 30, seed: 5, onlyClass: 0));
        Assert.AreEqual(0, oneClass.MinClassShare);
        Assert.AreEqual(1, oneClass.MaxClassShare);
        Assert.IsLessThan(1.2, oneClass.ClassifierScore, "one class only: a score near 1");
        Assert.IsLessThan(oneClass.FrechetDistance, sameKind.FrechetDistance);
    }

    [TestMethod]
    public void BadLabelsAreReported()
    {
        var mlContext = new MLContext(seed: 1);
        var estimator = mlContext.Transforms.Gan.TrainDigitClassifier(new DigitClassifierOptions { ClassCount = 2, Epochs = 1 });
        var error = Assert.ThrowsExactly<InvalidDataException>(() => estimator.Fit(Shapes(mlContext, 4, seed: 1)));
        StringAssert.Contains(error.Message, "expected class indices 0 to 1; found 2");
        var noLabel = mlContext.Transforms.DropColumns("Label").Fit(Shapes(mlContext, 1, seed: 1)).Transform(Shapes(mlContext, 1, seed: 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.Fit(noLabel));
    }

    [TestMethod]
    public void SelfTrainingOnUnlabelledDigitsOfAnotherDomainReadsThatDomainBetter()
    {
        var mlContext = new MLContext(seed: 1);
        var root = Path.Combine(TestFiles.RepositoryRoot, "data", "mnist10k");
        var mnist = mlContext.Data.LoadIdx(Path.Combine(root, "images-idx3-ubyte.gz"), Path.Combine(root, "labels-idx1-ubyte.gz"));
        // The other domain: digits moved 4 pixels to the right, given without their labels.
        var labelled = mlContext.Data.TakeRows(mnist, 2000);
        var unlabelled = mlContext.Transforms.DropColumns("Label").Fit(mnist).Transform(Shifted(mlContext, mlContext.Data.SkipRows(mnist, 2000), 3000));
        var test = Shifted(mlContext, mlContext.Data.SkipRows(mnist, 9000), 1000);
        var options = new DigitClassifierOptions { Epochs = 6, BatchSize = 32, Deformation = 1, Seed = 2 };
        using var plain = mlContext.Transforms.Gan.TrainDigitClassifier(options).Fit(labelled);
        options.UnlabelledImages = unlabelled;
        using var selfTrained = mlContext.Transforms.Gan.TrainDigitClassifier(options).Fit(labelled);

        var plainAccuracy = plain.EvaluateAccuracy(test);
        var selfTrainedAccuracy = selfTrained.EvaluateAccuracy(test);
        Assert.IsGreaterThan(plainAccuracy + 0.05, selfTrainedAccuracy,
            $"accuracy on 1,000 new shifted digits: {selfTrainedAccuracy:P1} self-trained on 3,000 unlabelled shifted digits, {plainAccuracy:P1} without");
    }

    [TestMethod]
    [DataRow(nameof(DigitClassifierOptions.PseudoLabelConfidence), 0.0)]
    [DataRow(nameof(DigitClassifierOptions.PseudoLabelConfidence), 1.5)]
    [DataRow(nameof(DigitClassifierOptions.PseudoLabelConfidence), double.NaN)]
    [DataRow(nameof(DigitClassifierOptions.TorchThreads), 0.0)]
    public void OptionsOutOfRangeAreRefusedByName(string option, double value)
    {
        var options = option == nameof(DigitClassifierOptions.TorchThreads)
            ? new DigitClassifierOptions { TorchThreads = (int)value }
            : new DigitClassifierOptions { PseudoLabelConfidence = value };

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext(seed: 1).Transforms.Gan.TrainDigitClassifier(options));

        Assert.AreEqual(option, error.ParamName);
    }

    [TestMethod]
    public void UnlabelledImagesOfAnotherSizeAreReportedWithTheirColumn()
    {
        var mlContext = new MLContext(seed: 1);
        var wrongSize = mlContext.Data.LoadFromEnumerable([new { Photo = new float[10] }]);
        var estimator = mlContext.Transforms.Gan.TrainDigitClassifier(new DigitClassifierOptions
        {
            ClassCount = Classes, Epochs = 2, UnlabelledImages = wrongSize, UnlabelledColumnName = "Photo",
        });

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.Fit(Shapes(mlContext, 4, seed: 1)));

        StringAssert.Contains(error.Message, "Photo");
        StringAssert.Contains(error.Message, "unlabelled images");
        StringAssert.Contains(error.Message, "1×8×8");
    }

    [TestMethod]
    public void ExportedGraphMatchesTheNetwork()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(5);
        using var network = new DigitClassifierNetwork(new Microsoft.ML.Gan.Data.ImageShape(1, 12, 12), classCount: 4);
        network.eval();
        var pixels = rand(1, 1, 12, 12) * 255;
        var onnx = DigitClassifierOnnxExport.Export(network, "Pixels", "Probabilities", "Features");
        using var noGrad = no_grad();
        var input = pixels / 127.5 - 1;
        var (features, _) = OnnxParity.Run(onnx, OnnxParity.Values(pixels), pixels.shape, "Pixels", "Features");
        var (probabilities, _) = OnnxParity.Run(onnx, OnnxParity.Values(pixels), pixels.shape, "Pixels", "Probabilities");
        Assert.IsLessThanOrEqualTo(1e-4f, OnnxParity.MaxAbsDifference(OnnxParity.Values(network.Features(input)), features));
        Assert.IsLessThanOrEqualTo(1e-5f, OnnxParity.MaxAbsDifference(OnnxParity.Values(nn.functional.softmax(network.forward(input), 1)), probabilities));
    }

    private static DigitClassifier Train(MLContext mlContext, double deformation = 0) =>
        mlContext.Transforms.Gan.TrainDigitClassifier(new DigitClassifierOptions { ClassCount = Classes, Epochs = 8, BatchSize = 16, Deformation = deformation })
            .Fit(Shapes(mlContext, 20, seed: 1));

    /// <summary>The first <paramref name="count"/> 28×28 digits of <paramref name="digits"/>, moved 4 pixels to the right, with their labels.</summary>
    private static IDataView Shifted(MLContext mlContext, IDataView digits, int count)
    {
        const int side = 28, shift = 4;
        var rows = mlContext.Data.CreateEnumerable<ImageRow>(digits, reuseRowObject: false).Take(count).Select(row =>
        {
            var moved = new float[side * side];
            for (var y = 0; y < side; y++)
            {
                Array.Copy(row.Pixels, y * side, moved, (y * side) + shift, side - shift);
            }
            return new ImageRow { Pixels = moved, Label = row.Label };
        });
        return Load(mlContext, rows, side);
    }

    private static float[][] Probabilities(DigitClassifier classifier, IDataView data) =>
        [.. classifier.Transform(data).GetColumn<float[]>(classifier.ProbabilitiesColumnName)];

    /// <summary><paramref name="perClass"/> noisy 8×8 images of each class: 0 bright left half, 1 right half, 2 top half.</summary>
    private static IDataView Shapes(MLContext mlContext, int perClass, int seed, int? onlyClass = null)
    {
        var random = new Random(seed);
        var rows = new List<ImageRow>();
        for (var i = 0; i < perClass * Classes; i++)
        {
            var label = onlyClass ?? i % Classes;
            var pixels = new float[Side * Side];
            for (var y = 0; y < Side; y++)
            {
                for (var x = 0; x < Side; x++)
                {
                    var bright = label switch { 0 => x < Side / 2, 1 => x >= Side / 2, _ => y < Side / 2 };
                    pixels[(y * Side) + x] = (bright ? 200 : 0) + (float)(random.NextDouble() * 50);
                }
            }
            rows.Add(new ImageRow { Pixels = pixels, Label = label });
        }
        return Load(mlContext, rows, Side);
    }

    /// <summary>Grey <paramref name="side"/>×<paramref name="side"/> images with labels as a data view.</summary>
    private static IDataView Load(MLContext mlContext, IEnumerable<ImageRow> rows, int side)
    {
        var schema = SchemaDefinition.Create(typeof(ImageRow));
        schema[nameof(ImageRow.Pixels)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 1, side, side);
        return mlContext.Data.LoadFromEnumerable(rows.ToList(), schema);
    }

    private sealed class ImageRow
    {
        public float[] Pixels = [];
        public float Label;
    }
}
