using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Networks;

[TestClass]
public sealed class DcganNetworkTests
{
    [TestMethod]
    [DataRow(1, 28, 2, 3072)]
    [DataRow(3, 16, 2, 3072)]
    [DataRow(3, 32, 3, 7168)]
    [DataRow(1, 64, 4, 15360)]
    public void NetworksFollowTheImage(int channels, int side, int stages, int featureCount)
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var layout = DcganLayout.For(new ImageShape(channels, side, side), latentSize: 100, generatorWidth: 64, discriminatorWidth: 64);
        using var generator = new DcganGenerator(layout);
        using var discriminator = new DcganDiscriminator(layout);

        var images = generator.forward(randn(2, 100));
        var logits = discriminator.forward(images);
        var features = discriminator.Features(images, grid: 4);

        Assert.AreEqual(stages, layout.Stages);
        CollectionAssert.AreEqual(new long[] { 2, channels, side, side }, images.shape);
        CollectionAssert.AreEqual(new long[] { 2 }, logits.shape);
        CollectionAssert.AreEqual(new long[] { 2, featureCount }, features.shape);
        Assert.AreEqual(featureCount, discriminator.FeatureCount(4));
        Assert.IsLessThanOrEqualTo(1f, images.abs().max().item<float>(), "Tanh output must lie in [-1, 1]");
    }

    [TestMethod]
    [DataRow(1, 20, 20)]
    [DataRow(1, 32, 16)]
    [DataRow(1, 256, 256)]
    [DataRow(2, 32, 32)]
    public void UnsupportedImagesAreRefusedWithTheReason(int channels, int height, int width)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => DcganLayout.For(new ImageShape(channels, height, width), 100, 64, 64));
        StringAssert.Contains(error.Message, "found");
    }

    [TestMethod]
    public void InitialWeightsFollowThePaper()
    {
        manual_seed(3);
        var layout = DcganLayout.For(new ImageShape(1, 64, 64), 100, 64, 64);
        using var discriminator = new DcganDiscriminator(layout);
        var weights = discriminator.Convolutions[1].weight!;
        Assert.AreEqual(0.0, weights.mean().item<float>(), 0.002);
        Assert.AreEqual(0.02, weights.std().item<float>(), 0.002);
        Assert.AreEqual(1.0, discriminator.Norms[0].weight!.mean().item<float>(), 0.01);
    }
}
