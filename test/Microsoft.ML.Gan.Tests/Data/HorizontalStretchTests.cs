using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Tests.Data;

[TestClass]
public sealed class HorizontalStretchTests
{
    // Two channels of one row of five pixels: 0, 10, 20, 30, 40 and 100, 110, 120, 130, 140; the centre is pixel 2.
    private static readonly ImageShape Shape = new(2, 1, 5);
    private static readonly float[] Image = [0, 10, 20, 30, 40, 100, 110, 120, 130, 140];

    [TestMethod]
    public void FactorOneGivesTheImageItself()
    {
        CollectionAssert.AreEqual(Image, HorizontalStretch.Apply(Image, Shape, 1, fill: 255));
    }

    [TestMethod]
    public void HalfTheWidthReadsTwiceAsFarFromTheCentreAndFillsBeyondTheEdges()
    {
        // Output x reads input 2 + 2 (x − 2): −2, 0, 2, 4, 6, so the outer pixels are fill and the rest every other pixel.
        var narrowed = HorizontalStretch.Apply(Image, Shape, 0.5f, fill: 255);

        CollectionAssert.AreEqual(new float[] { 255, 0, 20, 40, 255, 255, 100, 120, 140, 255 }, narrowed);
    }

    [TestMethod]
    public void TwiceTheWidthInterpolatesBetweenNeighbours()
    {
        // Output x reads input 2 + (x − 2) / 2: 1, 1.5, 2, 2.5, 3.
        var widened = HorizontalStretch.Apply(Image, Shape, 2, fill: 255);

        CollectionAssert.AreEqual(new float[] { 10, 15, 20, 25, 30, 110, 115, 120, 125, 130 }, widened);
    }

    [TestMethod]
    [DataRow(0f)]
    [DataRow(-1f)]
    [DataRow(float.NaN)]
    public void FactorThatIsNotPositiveIsRefused(float factor)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => HorizontalStretch.Apply(Image, Shape, factor, fill: 0));
        Assert.AreEqual("factor", error.ParamName);
    }
}
