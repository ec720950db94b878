using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Onnx;
using Microsoft.ML.Gan.Tests.Data;
using Microsoft.ML.Gan.Tests.Onnx;
using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Tests.Transformers;

/// <summary>The Domain Transfer Network on tiny images: f frozen, g ∘ f parity with ONNX, save and load, input errors.</summary>
[TestClass]
public sealed class DomainTransferTests
{
    private const int Side = 16;

    /// <summary>A small encoder f for 3×16×16 images: one strided convolution, then <paramref name="features"/> features.</summary>
    private static TorchSharp.Modules.Sequential TinyEncoder(int channels = 3, int features = 8) => Sequential(
        ("convolution", Conv2d(channels, 4, 4, stride: 2, padding: 1)),
        ("relu", ReLU()),
        ("pool", MaxPool2d(2)),
        ("flatten", Flatten()),
        ("linear", Linear(4 * 4 * 4, features)));

    private static IDataView Images(MLContext mlContext, int rows, int channels, int side = Side, int seed = 0)
    {
        // The same values every time a row is read: one generator per row.
        return PixelRows.Create(mlContext, rows, [channels, side, side], row =>
        {
            var random = new Random((seed * 10_000) + row);
            return Enumerable.Range(0, channels * side * side).Select(_ => (float)random.Next(256)).ToArray();
        });
    }

    private static DomainTransferOptions SmallOptions(IDataView target, DomainTransferEncoder encoder) => new()
    {
        Target = target,
        Encoder = encoder,
        Epochs = 1,
        BatchSize = 8,
        Width = 4,
        SampleCount = 4,
        Seed = 1,
        TorchThreads = 2,
        ConstancyWeight = 100,
        IdentityWeight = 1,
        TotalVariationWeight = 0.05,
    };

    private static DomainTransferOptions TinyOptions(double totalVariationWeight, int generatorSteps = 1) => new()
    {
        Width = 4,
        LearningRate = 1e-2,
        Beta1 = 0.5,
        ConstancyWeight = 15,
        IdentityWeight = 15,
        TotalVariationWeight = totalVariationWeight,
        GeneratorSteps = generatorSteps,
    };

    [TestMethod]
    public void GeneratorStepsUpdateTheGeneratorAgainAndTheDiscriminatorOnce()
    {
        using var scope = NewDisposeScope();
        var image = new ImageShape(3, Side, Side);
        manual_seed(3);
        var source = rand(4, 3, Side, Side) * 2 - 1;
        var target = rand(4, 3, Side, Side) * 2 - 1;
        (List<Tensor> Generator, List<Tensor> Discriminator) AfterOneStep(int generatorSteps)
        {
            manual_seed(4);
            using var model = new DomainTransferModel(new FrozenEncoder(TinyEncoder(), image, "tiny", owner: null),
                TinyOptions(totalVariationWeight: 0, generatorSteps), CPU);
            model.Step(source, target);
            return (model.Generator.parameters().Select(p => p.detach().clone()).ToList(),
                model.Discriminator.parameters().Select(p => p.detach().clone()).ToList());
        }

        var once = AfterOneStep(1);
        var thrice = AfterOneStep(3);

        Assert.IsTrue(once.Discriminator.Zip(thrice.Discriminator).All(pair => pair.First.allclose(pair.Second, 0, 0)),
            "the discriminator was updated more than once");
        Assert.IsFalse(once.Generator.Zip(thrice.Generator).All(pair => pair.First.allclose(pair.Second, 0, 0)),
            "the extra generator steps did not move g");
    }

    [TestMethod]
    public void TrainingStepsLeaveTheEncoderUnchangedAndMoveTheGenerator()
    {
        manual_seed(1);
        using var scope = NewDisposeScope();
        var image = new ImageShape(3, Side, Side);
        using var model = new DomainTransferModel(new FrozenEncoder(TinyEncoder(), image, "tiny", owner: null), TinyOptions(totalVariationWeight: 0.05), CPU);
        var encoderBefore = model.Encoder.Frozen.Layers.parameters().Select(p => p.detach().clone()).ToList();
        var generatorBefore = model.Generator.parameters().Select(p => p.detach().clone()).ToList();

        for (var step = 0; step < 3; step++)
        {
            model.Step(rand(4, 3, Side, Side) * 2 - 1, rand(4, 3, Side, Side) * 2 - 1);
        }

        var encoderAfter = model.Encoder.Frozen.Layers.parameters().ToList();
        Assert.IsTrue(encoderBefore.Zip(encoderAfter).All(pair => pair.First.allclose(pair.Second, 0, 0)), "f's weights changed");
        Assert.IsTrue(model.Encoder.Frozen.Layers.parameters().All(p => !p.requires_grad), "f's weights take gradients");
        Assert.IsFalse(generatorBefore.Zip(model.Generator.parameters()).All(pair => pair.First.allclose(pair.Second, 0, 0)), "g did not train");
    }

    /// <summary>A model on 3×16×16 images whose L_CONST reads h, an encoder of 5 features, while g reads f, of 8.</summary>
    private static DomainTransferModel ModelWithH(DomainTransferOptions options)
    {
        var image = new ImageShape(3, Side, Side);
        return new DomainTransferModel(new FrozenEncoder(TinyEncoder(), image, "f"), options, CPU,
            new FrozenEncoder(TinyEncoder(features: 5), image, "h"));
    }

    /// <summary>G(s) as the first step makes it before its update: g in training mode over f(s) and f(t) together.</summary>
    private static Tensor FirstTransfer(DomainTransferModel model, Tensor source, Tensor target)
    {
        model.Generator.train();
        return model.Generator.forward(cat([model.Encoder.Source(source), model.Encoder.Target(target)], 0)).narrow(0, 0, source.shape[0]);
    }

    [TestMethod]
    public void ConstancyLossComparesTheConstancyEncodersFeaturesWhichStayFrozen()
    {
        manual_seed(6);
        using var scope = NewDisposeScope();
        using var model = ModelWithH(TinyOptions(totalVariationWeight: 0));
        var constancyEncoder = model.ConstancyEncoder.Frozen.Layers;
        var before = constancyEncoder.parameters().Select(p => p.detach().clone()).ToList();
        var (source, target) = (rand(4, 3, Side, Side) * 2 - 1, rand(4, 3, Side, Side) * 2 - 1);
        float withH, withF;
        using (no_grad())
        {
            var fromSource = FirstTransfer(model, source, target);
            withH = (model.ConstancyEncoder.Source(source) - model.ConstancyEncoder.Target(fromSource)).square().mean().item<float>();
            withF = (model.Encoder.Source(source) - model.Encoder.Target(fromSource)).square().mean().item<float>();
        }

        var losses = model.Step(source, target);

        Assert.AreEqual(withH, losses.Constancy, 1e-5 * withH);
        Assert.IsGreaterThan(1e-3 * withH, Math.Abs(withF - withH), "f and h give the same L_CONST here, so the test cannot tell them apart");
        Assert.IsTrue(before.Zip(constancyEncoder.parameters()).All(pair => pair.First.allclose(pair.Second, 0, 0)), "h's weights changed");
        Assert.IsTrue(constancyEncoder.parameters().All(p => !p.requires_grad), "h's weights take gradients");
    }

    [TestMethod]
    public void ConstancyOverClassesAsksHForTheClassItGivesTheSource()
    {
        manual_seed(7);
        using var scope = NewDisposeScope();
        var options = TinyOptions(totalVariationWeight: 0);
        options.ConstancyOverClasses = true;
        using var model = ModelWithH(options);
        var (source, target) = (rand(4, 3, Side, Side) * 2 - 1, rand(4, 3, Side, Side) * 2 - 1);
        double expected;
        using (no_grad())
        {
            // h's outputs as they are, read as the logits of 5 classes.
            var fromSource = FirstTransfer(model, source, target);
            var sourceClasses = model.ConstancyEncoder.Frozen.Encode(source).argmax(1).data<long>().ToArray();
            var transferredLogits = model.ConstancyEncoder.Frozen.Encode(fromSource);
            expected = Enumerable.Range(0, 4).Average(row =>
                -transferredLogits[row].log_softmax(0)[sourceClasses[row]].item<float>());
        }

        var losses = model.Step(source, target);

        Assert.AreEqual(expected, losses.Constancy, 1e-5 * expected);
    }

    [TestMethod]
    public void ConstancyOverClassesWithoutItsOwnEncoderIsRefused()
    {
        var mlContext = new MLContext(seed: 1);
        using var encoder = TinyEncoder();
        var options = SmallOptions(Images(mlContext, 16, channels: 3), DomainTransferEncoder.FromModule(encoder));
        options.ConstancyOverClasses = true;
        var error = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Transforms.Gan.TrainDomainTransfer(options));
        StringAssert.Contains(error.Message, nameof(DomainTransferOptions.ConstancyEncoder));
    }

    [TestMethod]
    public void WeightAverageOfGTransfersAndIsWhatTheOnnxGraphHolds()
    {
        manual_seed(5);
        using var scope = NewDisposeScope();
        var image = new ImageShape(3, Side, Side);
        var options = TinyOptions(totalVariationWeight: 0);
        options.GeneratorAverageDecay = 0.9;
        using var model = new DomainTransferModel(new FrozenEncoder(TinyEncoder(), image, "tiny", owner: null), options, CPU);
        for (var step = 0; step < 20; step++)
        {
            model.Step(rand(4, 3, Side, Side) * 2 - 1, rand(4, 3, Side, Side) * 2 - 1);
        }

        Assert.AreNotSame(model.Generator, model.TransferGenerator);
        Assert.IsFalse(model.Generator.parameters().Zip(model.TransferGenerator.parameters()).All(pair => pair.First.allclose(pair.Second, 0, 0)),
            "the average is the live g");
        var source = rand(1, 3, Side, Side) * 255;
        model.TransferGenerator.eval();
        var expected = (model.TransferGenerator.forward(model.Encoder.Source(source / 127.5 - 1)) + 1) * 127.5;
        var onnx = DomainTransferOnnxExport.Export(model, image, "Pixels", "Transferred");
        var (actual, _) = OnnxParity.Run(onnx, OnnxParity.Values(source), [1, 3, Side, Side], "Pixels", "Transferred");
        var difference = OnnxParity.MaxAbsDifference(OnnxParity.Values(expected.clamp(0, 255)), actual);
        Assert.IsLessThanOrEqualTo(1e-3f, difference, $"max abs difference {difference} between the averaged g and the ONNX graph");
    }

    [TestMethod]
    [DataRow(false, "tiny")]
    [DataRow(true, "tiny")]
    [DataRow(true, "layout")]
    [DataRow(true, "silhouette")]
    [DataRow(true, "profile")]
    public void OnnxGraphOfGAfterFMatchesTorchSharpAndReplicatesGreySources(bool standardisePerDomain, string encoderName)
    {
        manual_seed(2);
        using var scope = NewDisposeScope();
        var image = new ImageShape(3, Side, Side);
        var encoder = encoderName switch
        {
            "layout" => LuminanceLayout.Create(image, cells: 4, contrast: true),
            "silhouette" => SilhouetteLayout.Create(image, toneCells: 2, figureCells: 4),
            "profile" => WidthProfileLayout.Create(image, toneCells: 2, bands: 4),
            _ => TinyEncoder(),
        };
        using var model = new DomainTransferModel(new FrozenEncoder(encoder, image, "f", owner: null), TinyOptions(totalVariationWeight: 0), CPU);
        if (standardisePerDomain)
        {
            model.Encoder.StandardisePerDomain(FeatureStandardisation.Measure(model.Encoder.Frozen, [rand(8, 3, Side, Side) * 2 - 1], 0.01, "source"),
                FeatureStandardisation.Measure(model.Encoder.Frozen, [rand(8, 3, Side, Side) - 1], 0.01, "target"));
        }
        model.Step(rand(4, 3, Side, Side) * 2 - 1, rand(4, 3, Side, Side) * 2 - 1);

        var grey = rand(1, 1, Side, Side) * 255;
        var expected = (model.Transfer((grey / 127.5 - 1).expand(1, 3, Side, Side)) + 1) * 127.5;
        var onnx = DomainTransferOnnxExport.Export(model, new ImageShape(1, Side, Side), "Pixels", "Transferred");
        var (actual, shape) = OnnxParity.Run(onnx, OnnxParity.Values(grey), [1, 1, Side, Side], "Pixels", "Transferred");

        CollectionAssert.AreEqual(new long[] { 1, 3, Side, Side }, shape);
        var difference = OnnxParity.MaxAbsDifference(OnnxParity.Values(expected.clamp(0, 255)), actual);
        Assert.IsLessThanOrEqualTo(1e-3f, difference, $"max abs difference {difference} on the 0..255 scale");
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void SavedModelLoadsInStockMlNetAndTransfersTheSame(bool standardisePerDomain)
    {
        var mlContext = new MLContext(seed: 1);
        var source = Images(mlContext, 16, channels: 1, seed: 1);
        var target = Images(mlContext, 16, channels: 3, seed: 2);
        using var encoder = TinyEncoder();
        var options = SmallOptions(target, DomainTransferEncoder.FromModule(encoder));
        options.StandardiseFeaturesPerDomain = standardisePerDomain;
        using var model = mlContext.Transforms.Gan.TrainDomainTransfer(options).Fit(source);
        using var folder = new Reporting.TemporaryFolder();
        var path = Path.Combine(folder.Path, "transfer.zip");
        mlContext.Model.Save(model, source.Schema, path);

        var loaded = new MLContext().Model.Load(path, out var schema);
        var expected = model.Transform(source).GetColumn<VBuffer<float>>("Transferred").Select(v => v.DenseValues().ToArray()).ToList();
        var actual = loaded.Transform(source).GetColumn<VBuffer<float>>("Transferred").Select(v => v.DenseValues().ToArray()).ToList();

        Assert.HasCount(3 * Side * Side, expected[0]);
        Assert.IsTrue(expected.Zip(actual).All(pair => pair.First.SequenceEqual(pair.Second)), "the loaded model transfers differently");
        Assert.IsTrue(expected.SelectMany(v => v).All(v => v is >= 0 and <= 255), "pixels outside 0..255");
        (loaded as IDisposable)?.Dispose();
    }

    [TestMethod]
    public void AutoencoderEncoderIsTrainedOnTheSourceAndTransfersThroughOnnx()
    {
        var mlContext = new MLContext(seed: 1);
        var source = Images(mlContext, 16, channels: 1, seed: 1);
        var options = SmallOptions(Images(mlContext, 16, channels: 3, seed: 2), DomainTransferEncoder.SourceAutoencoder(epochs: 2));

        using var model = mlContext.Transforms.Gan.TrainDomainTransfer(options).Fit(source);
        var transferred = model.Transform(source).GetColumn<VBuffer<float>>("Transferred").Select(v => v.DenseValues().ToArray()).ToList();

        Assert.HasCount(16, transferred);
        Assert.IsTrue(transferred.All(v => v.Length == 3 * Side * Side && v.All(x => x is >= 0 and <= 255)), "transferred images of the wrong size or range");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DomainTransferEncoder.SourceAutoencoder(epochs: 0));
    }

    [TestMethod]
    [DataRow("layout")]
    [DataRow("silhouette")]
    [DataRow("profile")]
    public void FixedLayoutAsTheConstancyEncoderTrainsAndTransfersThroughOnnx(string layout)
    {
        var mlContext = new MLContext(seed: 1);
        var source = Images(mlContext, 16, channels: 1, seed: 1);
        using var encoder = TinyEncoder();
        var options = SmallOptions(Images(mlContext, 16, channels: 3, seed: 2), DomainTransferEncoder.FromModule(encoder));
        options.ConstancyEncoder = layout switch
        {
            "silhouette" => DomainTransferEncoder.SilhouetteLayout(toneCells: 2, figureCells: 4),
            "profile" => DomainTransferEncoder.WidthProfile(toneCells: 2, bands: 4),
            _ => DomainTransferEncoder.LuminanceLayout(cells: 4),
        };

        using var model = mlContext.Transforms.Gan.TrainDomainTransfer(options).Fit(source);
        var transferred = model.Transform(source).GetColumn<VBuffer<float>>("Transferred").Select(v => v.DenseValues().ToArray()).ToList();

        Assert.HasCount(16, transferred);
        Assert.IsTrue(transferred.All(v => v.Length == 3 * Side * Side && v.All(x => x is >= 0 and <= 255)), "transferred images of the wrong size or range");
        var constancy = model.MeasureConstancy(source, options.Target!, seed: 3);
        Assert.IsTrue(double.IsFinite(constancy.Transferred) && constancy.Transferred >= 0, $"f-constancy on the layout {constancy.Transferred}");
    }

    [TestMethod]
    public void LuminanceLayoutThatDoesNotDivideTheImageIsRefusedWithItsShape()
    {
        var mlContext = new MLContext(seed: 1);
        var options = SmallOptions(Images(mlContext, 16, channels: 3, seed: 2), DomainTransferEncoder.LuminanceLayout(cells: 3));

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => mlContext.Transforms.Gan.TrainDomainTransfer(options).Fit(Images(mlContext, 16, channels: 1)));

        StringAssert.Contains(error.Message, "3×16×16");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DomainTransferEncoder.LuminanceLayout(cells: 0));
    }

    [TestMethod]
    public void MissingSourceColumnIsNamedWithWhatWasExpected()
    {
        var mlContext = new MLContext(seed: 1);
        using var encoder = TinyEncoder();
        var options = SmallOptions(Images(mlContext, 16, channels: 3), DomainTransferEncoder.FromModule(encoder));
        options.InputColumnName = "Photo";
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => mlContext.Transforms.Gan.TrainDomainTransfer(options).Fit(Images(mlContext, 16, channels: 1)));
        StringAssert.Contains(error.Message, "'Photo'");
        StringAssert.Contains(error.Message, "source data");
    }

    [TestMethod]
    public void SourceOfAnotherSizeThanTheTargetNamesBothColumnsAndShapes()
    {
        var mlContext = new MLContext(seed: 1);
        using var encoder = TinyEncoder();
        var options = SmallOptions(Images(mlContext, 16, channels: 3), DomainTransferEncoder.FromModule(encoder));
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => mlContext.Transforms.Gan.TrainDomainTransfer(options).Fit(Images(mlContext, 16, channels: 1, side: 32)));
        StringAssert.Contains(error.Message, "Source column 'Pixels'");
        StringAssert.Contains(error.Message, "16×16");
        StringAssert.Contains(error.Message, "1×32×32");
        StringAssert.Contains(error.Message, "target column 'Pixels': 3×16×16");
    }

    [TestMethod]
    public void TargetColumnOfTheWrongTypeIsRefusedBeforeTraining()
    {
        var mlContext = new MLContext(seed: 1);
        using var encoder = TinyEncoder();
        var target = mlContext.Data.LoadFromEnumerable(new[] { new TextRow { Pixels = "not an image" } });
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => mlContext.Transforms.Gan.TrainDomainTransfer(SmallOptions(target, DomainTransferEncoder.FromModule(encoder))).Fit(Images(mlContext, 4, channels: 1)));
        StringAssert.Contains(error.Message, "'Pixels'");
        StringAssert.Contains(error.Message, "target data");
        StringAssert.Contains(error.Message, "String");
    }

    [TestMethod]
    [DataRow(nameof(DomainTransferOptions.DiscriminatorLearningRate))]
    [DataRow(nameof(DomainTransferOptions.GeneratorSteps))]
    [DataRow(nameof(DomainTransferOptions.DiscriminatorDropout))]
    [DataRow(nameof(DomainTransferOptions.GeneratorAverageDecay))]
    [DataRow(nameof(DomainTransferOptions.SmallestFeatureDeviation))]
    [DataRow(nameof(DomainTransferOptions.SourceShapeExaggeration))]
    public void OutOfRangeOptionIsRefusedByName(string option)
    {
        var mlContext = new MLContext(seed: 1);
        using var encoder = TinyEncoder();
        var options = SmallOptions(Images(mlContext, 16, channels: 3), DomainTransferEncoder.FromModule(encoder));
        switch (option)
        {
            case nameof(DomainTransferOptions.DiscriminatorLearningRate): options.DiscriminatorLearningRate = 0; break;
            case nameof(DomainTransferOptions.GeneratorSteps): options.GeneratorSteps = 0; break;
            case nameof(DomainTransferOptions.GeneratorAverageDecay): options.GeneratorAverageDecay = 1; break;
            case nameof(DomainTransferOptions.SmallestFeatureDeviation): options.SmallestFeatureDeviation = double.NaN; break;
            case nameof(DomainTransferOptions.SourceShapeExaggeration): options.SourceShapeExaggeration = 0; break;
            default: options.DiscriminatorDropout = 1; break;
        }
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Transforms.Gan.TrainDomainTransfer(options));
        Assert.AreEqual(option, error.ParamName);
    }

    [TestMethod]
    public void ExaggerationOfFeaturesThatAreNotStandardisedIsRefused()
    {
        var mlContext = new MLContext(seed: 1);
        using var encoder = TinyEncoder();
        var options = SmallOptions(Images(mlContext, 16, channels: 3), DomainTransferEncoder.FromModule(encoder));
        options.ConstancyEncoder = DomainTransferEncoder.WidthProfile();
        options.StandardiseFeaturesPerDomain = false;
        options.SourceShapeExaggeration = 2;

        var error = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Transforms.Gan.TrainDomainTransfer(options));
        Assert.AreEqual(nameof(DomainTransferOptions.SourceShapeExaggeration), error.ParamName);
        StringAssert.Contains(error.Message, nameof(DomainTransferOptions.StandardiseFeaturesPerDomain));
    }

    [TestMethod]
    public void OnlyTheWidthProfileAndTheSilhouetteTellShapeFromTone()
    {
        Assert.IsTrue(DomainTransferEncoder.WidthProfile().SeparatesShape);
        Assert.IsTrue(DomainTransferEncoder.SilhouetteLayout().SeparatesShape);
        Assert.IsFalse(DomainTransferEncoder.LuminanceLayout().SeparatesShape);
        Assert.IsFalse(DomainTransferEncoder.SourceClassifier().SeparatesShape);
    }

    [TestMethod]
    public void ShapeExaggerationWithoutShapeFeaturesIsRefusedNamingTheEncoders()
    {
        var mlContext = new MLContext(seed: 1);
        using var encoder = TinyEncoder();
        var options = SmallOptions(Images(mlContext, 16, channels: 3), DomainTransferEncoder.FromModule(encoder));
        options.ConstancyEncoder = DomainTransferEncoder.LuminanceLayout(4);
        options.SourceShapeExaggeration = 2;

        var error = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Transforms.Gan.TrainDomainTransfer(options));
        Assert.AreEqual(nameof(DomainTransferOptions.SourceShapeExaggeration), error.ParamName);
        StringAssert.Contains(error.Message, "user-supplied");
        StringAssert.Contains(error.Message, "luminance layout");
    }

    private sealed class TextRow
    {
        public string Pixels = "";
    }
}
