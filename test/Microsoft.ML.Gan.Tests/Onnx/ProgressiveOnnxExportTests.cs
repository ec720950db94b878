using Microsoft.ML.Gan.Networks.Progressive;
using Microsoft.ML.Gan.Onnx;
using Microsoft.ML.Gan.Tests.Networks;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Onnx;

/// <summary>The exported graphs of grown progressive networks compute what the TorchSharp networks compute.</summary>
[TestClass]
public sealed class ProgressiveOnnxExportTests
{
    // Float32 through a dozen layers and a reordered pixel norm: differences of a few 1e-5 on values near 1.
    private const float Tolerance = 1e-4f;

    [TestMethod]
    public void GeneratorGraphMatchesTheNetworkInPixels()
    {
        manual_seed(5);
        using var generator = new ProgressiveGenerator(ProgressiveNetworkTests.Layout());
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var latent = randn(1, 8);
        var expected = generator.forward(latent).add(1).mul(127.5).clamp(0, 255);

        var (actual, shape) = OnnxParity.Run(ProgressiveOnnxExport.Generator(generator, "Latent", "Pixels"), OnnxParity.Values(latent), [1, 8], "Latent", "Pixels");

        CollectionAssert.AreEqual(new long[] { 1, 3, 16, 16 }, shape);
        Assert.IsLessThanOrEqualTo(Tolerance * 255, OnnxParity.MaxAbsDifference(OnnxParity.Values(expected), actual));
    }

    [TestMethod]
    public void DiscriminatorGraphMatchesTheNetworkInScoreAndFeatures()
    {
        manual_seed(6);
        var layout = ProgressiveNetworkTests.Layout();
        using var discriminator = new ProgressiveDiscriminator(layout);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var pixels = rand(1, 3, 16, 16).mul(255);
        var normalised = pixels.div(127.5).sub(1);
        var bytes = ProgressiveOnnxExport.Discriminator(discriminator, "Pixels", "Score", "Features");

        var (score, _) = OnnxParity.Run(bytes, OnnxParity.Values(pixels), [1, 3, 16, 16], "Pixels", "Score");
        var (features, featureShape) = OnnxParity.Run(bytes, OnnxParity.Values(pixels), [1, 3, 16, 16], "Pixels", "Features");

        Assert.IsLessThanOrEqualTo(Tolerance, OnnxParity.MaxAbsDifference(OnnxParity.Values(discriminator.forward(normalised).sigmoid()), score));
        CollectionAssert.AreEqual(new long[] { 1, layout.FeatureCount }, featureShape);
        Assert.IsLessThanOrEqualTo(Tolerance, OnnxParity.MaxAbsDifference(OnnxParity.Values(discriminator.Features(normalised)), features));
    }

    [TestMethod]
    public void OnlyFullyGrownNetworksAreExported()
    {
        using var generator = new ProgressiveGenerator(ProgressiveNetworkTests.Layout());
        generator.Grow(1, 0.5);
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => ProgressiveOnnxExport.Generator(generator, "Latent", "Pixels"));
        StringAssert.Contains(error.Message, "expected level 2 at α 1, found level 1 at α 0.5");
    }
}
