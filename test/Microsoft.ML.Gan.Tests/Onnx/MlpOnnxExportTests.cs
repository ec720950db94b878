using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Onnx;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Onnx;

/// <summary>The exported MLP GAN graphs agree with the TorchSharp networks (eval mode; spectral norm exported as W/σ).</summary>
[TestClass]
public sealed class MlpOnnxExportTests
{
    // Pixels are on the 0..255 scale: 1e-3 of a grey level is far below what a PNG can show.
    private const float PixelTolerance = 1e-3f;
    private const float ScoreTolerance = 1e-5f;
    private const float FeatureTolerance = 1e-4f;

    [TestMethod]
    [DataRow(1, 28, 28)]
    [DataRow(3, 8, 6)]
    public void GeneratorGraphMatchesTheNetwork(int channels, int height, int width)
    {
        using var scope = NewDisposeScope();
        manual_seed(21);
        var layout = MlpLayout.For(new ImageShape(channels, height, width), latentSize: 20, generatorWidth: 16, discriminatorWidth: 32);
        using var generator = new MlpGenerator(layout);
        using (no_grad())
        {
            for (var i = 0; i < 5; i++)
            {
                generator.forward(randn(16, 20));
            }
        }
        generator.eval();
        var latent = randn(1, 20);

        var expected = OnnxParity.Values(generator.forward(latent).add(1).mul(127.5).clamp(0, 255));
        var onnx = MlpOnnxExport.Generator(generator, "Latent", "Pixels");
        var (actual, shape) = OnnxParity.Run(onnx, OnnxParity.Values(latent), [1, 20], "Latent", "Pixels");

        CollectionAssert.AreEqual(new long[] { 1, channels, height, width }, shape);
        Assert.IsLessThan(PixelTolerance, OnnxParity.MaxAbsDifference(expected, actual));
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void DiscriminatorGraphMatchesTheNetwork(bool spectralNormalization)
    {
        using var scope = NewDisposeScope();
        manual_seed(22);
        var layout = MlpLayout.For(new ImageShape(1, 28, 28), latentSize: 20, generatorWidth: 16, discriminatorWidth: 32);
        using var discriminator = new MlpDiscriminator(layout, spectralNormalization);
        using (no_grad())
        {
            discriminator.forward(rand(8, 1, 28, 28)); // moves the power-iteration vectors in training mode
        }
        discriminator.eval();
        var pixels = rand(1, 1, 28, 28).mul(255);
        var normalised = pixels.div(127.5).sub(1);

        var expectedScore = OnnxParity.Values(discriminator.forward(normalised).sigmoid());
        var expectedFeatures = OnnxParity.Values(discriminator.Features(normalised));
        var onnx = MlpOnnxExport.Discriminator(discriminator, "Pixels", "Score", "Features");
        var (score, _) = OnnxParity.Run(onnx, OnnxParity.Values(pixels), [1, 1, 28, 28], "Pixels", "Score");
        var (features, featureShape) = OnnxParity.Run(onnx, OnnxParity.Values(pixels), [1, 1, 28, 28], "Pixels", "Features");

        CollectionAssert.AreEqual(new long[] { 1, 48 }, featureShape);
        Assert.IsLessThan(ScoreTolerance, OnnxParity.MaxAbsDifference(expectedScore, score));
        Assert.IsLessThan(FeatureTolerance, OnnxParity.MaxAbsDifference(expectedFeatures, features));
    }
}
