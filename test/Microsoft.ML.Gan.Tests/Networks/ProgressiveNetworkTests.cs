using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks.Progressive;
using Microsoft.ML.Gan.Training;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Networks;

/// <summary>Growth of the progressive networks: shapes and the continuity of every fade-in.</summary>
[TestClass]
public sealed class ProgressiveNetworkTests
{
    internal static ProgressiveLayout Layout(int side = 16, int channels = 3) =>
        ProgressiveLayout.For(new ImageShape(channels, side, side), latentSize: 8, featureMapBase: 32, featureMapMax: 8);

    [TestMethod]
    public void LayoutFollowsTheOfficialChannelRuleAndRefusesOtherSizes()
    {
        var layout = ProgressiveLayout.For(new ImageShape(3, 32, 32), 8, featureMapBase: 64, featureMapMax: 16);
        Assert.AreEqual(3, layout.LastLevel);
        CollectionAssert.AreEqual(new[] { 16, 16, 8, 4 }, Enumerable.Range(0, 4).Select(layout.Channels).ToArray());
        var error = Assert.ThrowsExactly<ArgumentException>(() => ProgressiveLayout.For(new ImageShape(1, 28, 28), 8, 64, 16));
        StringAssert.Contains(error.Message, "power of two from 8 to 128; found 1×28×28");
    }

    [TestMethod]
    public void GeneratorAtTheEndOfALevelEqualsTheNextLevelAtTheStartOfItsFade()
    {
        manual_seed(3);
        using var generator = new ProgressiveGenerator(Layout());
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var latents = randn(4, 8);
        for (var level = 0; level < generator.Layout.LastLevel; level++)
        {
            generator.Grow(level, 1);
            var before = generator.forward(latents);
            generator.Grow(level + 1, 0);
            var after = generator.forward(latents);
            CollectionAssert.AreEqual(new long[] { 4, 3, 16, 16 }, after.shape);
            Assert.IsTrue(before.allclose(after, rtol: 0, atol: 1e-6), $"level {level} at α 1 = level {level + 1} at α 0");
            generator.Grow(level + 1, 0.5);
            Assert.IsFalse(generator.forward(latents).allclose(before), "α 0.5 blends the new block in");
        }
    }

    [TestMethod]
    public void DiscriminatorAtTheEndOfALevelEqualsTheNextLevelAtTheStartOfItsFade()
    {
        manual_seed(4);
        using var discriminator = new ProgressiveDiscriminator(Layout());
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var images = randn(4, 3, 16, 16);
        for (var level = 0; level < discriminator.Layout.LastLevel; level++)
        {
            discriminator.Grow(level, 1);
            var before = discriminator.forward(images);
            discriminator.Grow(level + 1, 0);
            CollectionAssert.AreEqual(new long[] { 4 }, before.shape);
            Assert.IsTrue(before.allclose(discriminator.forward(images), rtol: 1e-5, atol: 1e-5), $"level {level} at α 1 = level {level + 1} at α 0");
        }
    }

    [TestMethod]
    public void RealImagesFadeBetweenTheTwoResolutionsTheSameWay()
    {
        var schedule = new GrowthSchedule(lastLevel: 2, stabilizeImages: 10, fadeImages: 10, batchSizes: [2, 2, 2], readerBatchSize: 2);
        using var scope = NewDisposeScope();
        var real = randn(2, 3, 16, 16);
        var endOfLevel0 = schedule.BlendReal(real, schedule.PhaseAt(9));
        var startOfFade1 = schedule.BlendReal(real, schedule.PhaseAt(10));
        Assert.AreEqual(new GrowthPhase(1, 1, 0), schedule.PhaseAt(10));
        Assert.AreEqual(0.5, schedule.PhaseAt(15).Alpha);
        Assert.IsTrue(endOfLevel0.allclose(startOfFade1, rtol: 0, atol: 1e-6), "α 0 of level 1 shows level 0's images");
        Assert.IsTrue(schedule.BlendReal(real, schedule.PhaseAt(20)).allclose(
            nn.functional.avg_pool2d(real, 2).repeat_interleave(2, 2).repeat_interleave(2, 3), atol: 1e-6), "stable level 1: 8×8 averages");
        Assert.AreEqual(50, schedule.TotalImages);
        Assert.AreEqual(new GrowthPhase(4, 2, 1), schedule.PhaseAt(50));
    }
}
