using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Networks;

[TestClass]
public sealed class MlpNetworkTests
{
    [TestMethod]
    [DataRow(1, 28, 28)]
    [DataRow(3, 16, 12)]
    public void NetworksFollowTheImage(int channels, int height, int width)
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var layout = MlpLayout.For(new ImageShape(channels, height, width), latentSize: 100, generatorWidth: 128, discriminatorWidth: 512);
        using var generator = new MlpGenerator(layout);
        using var discriminator = new MlpDiscriminator(layout);

        var images = generator.forward(randn(3, 100));
        var logits = discriminator.forward(images);
        var features = discriminator.Features(images);

        CollectionAssert.AreEqual(new long[] { 3, channels, height, width }, images.shape);
        CollectionAssert.AreEqual(new long[] { 3 }, logits.shape);
        CollectionAssert.AreEqual(new long[] { 3, 768 }, features.shape);
        CollectionAssert.AreEqual(new long[] { 128, 256, 512, 1024, channels * height * width },
            generator.Linears.Select(l => l.weight!.shape[0]).ToArray(), "the classic 128 → 256 → 512 → 1024 generator");
        CollectionAssert.AreEqual(new long[] { 512, 256, 1 }, discriminator.Linears.Select(l => l.weight!.shape[0]).ToArray());
        Assert.HasCount(3, generator.Norms, "batch norm on every hidden layer but the first");
        Assert.IsLessThanOrEqualTo(1f, images.abs().max().item<float>(), "Tanh output must lie in [-1, 1]");
    }
}
