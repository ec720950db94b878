using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Evaluation;

namespace Microsoft.ML.Gan.Tests.Evaluation;

[TestClass]
public sealed class HeadToneCarryOverTests
{
    // 4×4 images; the region of rows 50% to 100% and columns 0% to 50% is the bottom-left 2 × 2 pixels.
    private static readonly ImageShape Grey = new(1, 4, 4);
    private static readonly ImageShape Colour = new(3, 4, 4);
    private static readonly ImageRegion BottomLeft = new(Top: 0.5f, Bottom: 1, Left: 0, Right: 0.5f);

    /// <summary>An image of 0 but for the bottom-left 2 × 2 pixels: <paramref name="a"/>, <paramref name="b"/> on the upper row, <paramref name="c"/>, <paramref name="d"/> on the lower.</summary>
    private static float[] Grey4(float a, float b, float c, float d) => [0, 0, 0, 0, 0, 0, 0, 0, a, b, 0, 0, c, d, 0, 0];

    [TestMethod]
    public void TheRegionsMeanLuminanceIsTheMeanOfItsPixelsOnlyWithBt601ForColour()
    {
        Assert.AreEqual(25, BottomLeft.MeanLuminance(Grey4(10, 20, 30, 40), Grey), 1e-9);
        // Red 100 and blue 200 over the region: 0.299 · 100 + 0.114 · 200.
        var colour = Grey4(100, 100, 100, 100).Concat(new float[16]).Concat(Grey4(200, 200, 200, 200)).ToArray();
        Assert.AreEqual((0.299 * 100) + (0.114 * 200), BottomLeft.MeanLuminance(colour, Colour), 1e-4);
    }

    [TestMethod]
    public void TonesThatRiseTogetherCorrelateAtOneAndOppositeAtMinusOne()
    {
        float[][] photographs = [Grey4(10, 10, 10, 10), Grey4(50, 50, 50, 50), Grey4(90, 90, 90, 90)];
        float[][] rising = [Grey4(100, 100, 100, 100), Grey4(150, 150, 150, 150), Grey4(200, 200, 200, 200)];

        var together = HeadToneCarryOver.Measure(photographs, Grey, rising, Grey, BottomLeft);
        var opposite = HeadToneCarryOver.Measure(photographs, Grey, [.. rising.Reverse()], Grey, BottomLeft);

        Assert.AreEqual(1, together.Correlation, 1e-9);
        Assert.AreEqual(-1, opposite.Correlation, 1e-9);
        Assert.AreEqual(50, together.Photographs.Mean, 1e-9);
        Assert.AreEqual(150, together.Transferred.Mean, 1e-9);
    }

    [TestMethod]
    public void PixelsOutsideTheRegionDoNotCount()
    {
        var inside = Grey4(60, 60, 60, 60);
        var outsideToo = inside.Select((value, i) => i < 8 ? 255 : value).ToArray();

        Assert.AreEqual(BottomLeft.MeanLuminance(inside, Grey), BottomLeft.MeanLuminance(outsideToo, Grey));
    }

    [TestMethod]
    public void ARegionWithoutPixelsIsRefused()
    {
        var sliver = new ImageRegion(Top: 0.1f, Bottom: 0.2f, Left: 0, Right: 1);

        var error = Assert.ThrowsExactly<ArgumentException>(() => sliver.MeanLuminance(new float[16], Grey));
        StringAssert.Contains(error.Message, "rows 10 % to 20 %");
    }
}
