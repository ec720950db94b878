using Microsoft.ML;
using Microsoft.ML.Gan.Onnx;
using Microsoft.ML.Gan.Tests.Reporting;
using Microsoft.ML.Gan.Tests.Transformers;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.LatentSpace;

[TestClass]
public sealed class GeneratorFeatureMapsTests
{
    private static MLContext _mlContext = null!;
    private static GanTransformer _gan = null!;
    private static GeneratorModel _original = null!;
    private static float[][] _latents = null!;

    [ClassInitialize]
    public static void TrainTinyGan(TestContext context)
    {
        _mlContext = new MLContext(seed: 1);
        _gan = _mlContext.Transforms.Gan.TrainDcgan(DcganEstimatorTests.SmallOptions()).Fit(DcganEstimatorTests.Digits(_mlContext));
        _original = GeneratorModel.From(_gan.Generator);
        _latents = _original.DrawLatents(4, seed: 2);
    }

    [ClassCleanup]
    public static void Release() => _gan.Dispose();

    [TestMethod]
    public void WithNothingDroppedTheRebuiltGeneratorIsTheOriginal()
    {
        using var maps = GeneratorFeatureMaps.From(_mlContext, _gan.Generator);
        using var unmasked = maps.WithoutMaps(layer: 1, droppedMaps: []);

        var expected = _original.Generate(_latents);
        var actual = GeneratorModel.From(unmasked).Generate(_latents);

        Assert.AreEqual(2, maps.LayerCount);
        Assert.AreEqual(14, maps.MapSide(1));
        Assert.IsLessThan(1e-3, expected.Zip(actual).SelectMany(p => p.First.Zip(p.Second, (a, b) => Math.Abs(a - b))).Max());
    }

    [TestMethod]
    public void DroppedMapsAreZeroedBeforeTheNextLayer()
    {
        using var maps = GeneratorFeatureMaps.From(_mlContext, _gan.Generator);
        int[] dropped = [0, 3, 5];
        using var masked = maps.WithoutMaps(layer: 1, dropped);

        var actual = GeneratorModel.From(masked).Generate(_latents);

        // Reference: the TorchSharp network's last hidden maps with those channels zeroed, through its output layer.
        using var generator = DcganOnnxImport.Generator(_gan.Generator.OnnxModelBytes(), "test");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var hidden = generator.Hidden(tensor(_latents.SelectMany(l => l).ToArray(), [_latents.Length, maps.LatentSize]), 1);
        var channelMask = ones(1, maps.MapCount(1), 1, 1);
        foreach (var map in dropped)
        {
            channelMask[0, map] = 0;
        }
        var expected = (generator.Deconvolutions[^1].forward(hidden * channelMask).tanh() * 127.5 + 127.5).clamp(0, 255).contiguous().data<float>().ToArray();
        var flat = actual.SelectMany(image => image).ToArray();
        Assert.IsLessThan(1e-3, expected.Zip(flat, (a, b) => Math.Abs(a - b)).Max());
        CollectionAssert.AreNotEqual(_original.Generate(_latents)[0], actual[0], "dropping maps changes the images");
    }

    [TestMethod]
    public void DroppingEveryMapOfTheLastLayerLeavesAFlatGreyImage()
    {
        using var maps = GeneratorFeatureMaps.From(_mlContext, _gan.Generator);
        using var masked = maps.WithoutMaps(layer: 1, [.. Enumerable.Range(0, maps.MapCount(1))]);

        var images = GeneratorModel.From(masked).Generate(_latents);

        Assert.IsTrue(images.SelectMany(image => image).All(v => Math.Abs(v - 127.5f) < 1e-3), "no bias in the output layer: tanh(0) everywhere");
    }

    [TestMethod]
    public void ActivationsHaveTheLayerShape()
    {
        using var maps = GeneratorFeatureMaps.From(_mlContext, _gan.Generator);

        var activations = maps.Activations(_latents, layer: 0);

        Assert.HasCount(4, activations);
        Assert.HasCount(maps.MapCount(0) * 7 * 7, activations[0]);
        Assert.IsTrue(activations[0].All(v => v >= 0), "after ReLU");
    }

    [TestMethod]
    public void SelectedMapsAreThoseWithPositiveRegressionWeight()
    {
        using var maps = GeneratorFeatureMaps.From(_mlContext, _gan.Generator);
        var latents = _original.DrawLatents(16, seed: 4);
        var mask = ImageBox.Mask(maps.ImageShape, new ImageBox(8, 8, 12, 12));

        var selection = maps.SelectMaps(layer: 1, latents, [.. latents.Select(_ => mask)]);

        Assert.HasCount(maps.MapCount(1), selection.Weights);
        CollectionAssert.AreEqual(Enumerable.Range(0, maps.MapCount(1)).Where(m => selection.Weights[m] > 0).ToArray(), selection.DroppedMaps.ToArray());
        Assert.AreEqual(16 * 36, selection.InsidePositions, "6×6 of the 14×14 positions (2 pixels each) lie inside the 12-pixel box");
        Assert.AreEqual(16 * 14 * 14, selection.InsidePositions + selection.OutsidePositions);
    }

    [TestMethod]
    public void BadInputsAreRefused()
    {
        using var maps = GeneratorFeatureMaps.From(_mlContext, _gan.Generator);

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => maps.WithoutMaps(layer: 2, []));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => maps.WithoutMaps(layer: 1, [maps.MapCount(1)]));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => maps.Activations([new float[3]], 0)).Message, "16");
        Assert.ThrowsExactly<ArgumentException>(() => maps.SelectMaps(1, _latents, [new bool[784]]));
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.zip");
        StringAssert.Contains(Assert.ThrowsExactly<FileNotFoundException>(() => GeneratorFeatureMaps.Load(_mlContext, missing)).Message, missing);
    }

    [TestMethod]
    public void ASavedGeneratorZipIsRebuilt()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("generator.zip");
        _mlContext.Model.Save(_gan.Generator, _gan.Generator.CreateLatents(1).Schema, path);

        using var maps = GeneratorFeatureMaps.Load(_mlContext, path);
        using var rebuilt = maps.WithoutMaps(0, []);

        var expected = _original.Generate(_latents)[1];
        var actual = GeneratorModel.From(rebuilt).Generate(_latents)[1];
        Assert.IsLessThan(1e-3, expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max());
    }
}
