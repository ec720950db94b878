using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Onnx;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Onnx;

/// <summary>The exported DCGAN graphs agree with the TorchSharp networks they come from (eval mode, batch norm with trained statistics).</summary>
[TestClass]
public sealed class DcganOnnxExportTests
{
    // Pixels are on the 0..255 scale: 1e-3 of a grey level is far below what a PNG can show.
    private const float PixelTolerance = 1e-3f;
    private const float ScoreTolerance = 1e-5f;
    private const float FeatureTolerance = 1e-4f;

    [TestMethod]
    [DataRow(1, 28)]
    [DataRow(3, 16)]
    [DataRow(3, 64)]
    public void GeneratorGraphMatchesTheNetwork(int channels, int side)
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var layout = DcganLayout.For(new ImageShape(channels, side, side), latentSize: 20, generatorWidth: 8, discriminatorWidth: 8);
        using var generator = new DcganGenerator(layout);
        WarmUpBatchNorm(() => generator.forward(randn(16, 20)));
        generator.eval();
        var latent = randn(1, 20);

        var expected = OnnxParity.Values(generator.forward(latent).add(1).mul(127.5).clamp(0, 255));
        var onnx = DcganOnnxExport.Generator(generator, "Latent", "Pixels");
        var (actual, shape) = OnnxParity.Run(onnx, OnnxParity.Values(latent), [1, 20], "Latent", "Pixels");

        CollectionAssert.AreEqual(new long[] { 1, channels, side, side }, shape);
        Assert.IsLessThan(PixelTolerance, OnnxParity.MaxAbsDifference(expected, actual));
    }

    [TestMethod]
    [DataRow(1, 28, false)]
    [DataRow(3, 32, false)]
    [DataRow(1, 28, true, DisplayName = "spectral norm: the graph holds W/σ")]
    [DataRow(1, 28, false, false, 0.3, DisplayName = "no batch norm, dropout (off in eval mode)")]
    public void DiscriminatorGraphMatchesTheNetwork(int channels, int side, bool spectralNormalization, bool batchNorm = true, double dropout = 0)
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        var layout = DcganLayout.For(new ImageShape(channels, side, side), latentSize: 20, generatorWidth: 8, discriminatorWidth: 8);
        using var discriminator = new DcganDiscriminator(layout, spectralNormalization, batchNorm: batchNorm, dropout: dropout);
        WarmUpBatchNorm(() => discriminator.forward(rand(16, channels, side, side).mul(2).sub(1)));
        discriminator.eval();
        var pixels = rand(1, channels, side, side).mul(255);
        var normalised = pixels.div(127.5).sub(1);

        var expectedScore = OnnxParity.Values(discriminator.forward(normalised).sigmoid());
        var expectedFeatures = OnnxParity.Values(discriminator.Features(normalised, grid: 4));
        var onnx = DcganOnnxExport.Discriminator(discriminator, "Pixels", "Score", "Features", grid: 4);
        var (score, _) = OnnxParity.Run(onnx, OnnxParity.Values(pixels), [1, channels, side, side], "Pixels", "Score");
        var (features, featureShape) = OnnxParity.Run(onnx, OnnxParity.Values(pixels), [1, channels, side, side], "Pixels", "Features");

        CollectionAssert.AreEqual(new long[] { 1, discriminator.FeatureCount(4) }, featureShape);
        Assert.IsLessThan(ScoreTolerance, OnnxParity.MaxAbsDifference(expectedScore, score));
        Assert.IsLessThan(FeatureTolerance, OnnxParity.MaxAbsDifference(expectedFeatures, features));
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void ImportedDiscriminatorMatchesTheExportedOne(bool batchNorm)
    {
        using var scope = NewDisposeScope();
        manual_seed(13);
        var layout = DcganLayout.For(new ImageShape(1, 28, 28), latentSize: 20, generatorWidth: 8, discriminatorWidth: 8);
        using var discriminator = new DcganDiscriminator(layout, batchNorm: batchNorm);
        WarmUpBatchNorm(() => discriminator.forward(rand(16, 1, 28, 28).mul(2).sub(1)));
        discriminator.eval();

        using var imported = DcganOnnxImport.Discriminator(DcganOnnxExport.Discriminator(discriminator, "Pixels", "Score", "Features", grid: 4), "test");
        var images = rand(4, 1, 28, 28).mul(2).sub(1);

        Assert.AreEqual(discriminator.Norms.Count, imported.Norms.Count);
        Assert.IsLessThan(ScoreTolerance, (discriminator.forward(images) - imported.forward(images)).abs().max().item<float>());
    }

    /// <summary>Moves the batch-norm running statistics away from their initial 0 and 1, so the export of them is tested.</summary>
    private static void WarmUpBatchNorm(Func<Tensor> forward)
    {
        using var noGrad = no_grad();
        for (var i = 0; i < 5; i++)
        {
            forward();
        }
    }
}
