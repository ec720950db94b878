using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Evaluation;

namespace Microsoft.ML.Gan.Tests.Evaluation;

[TestClass]
public sealed class HeadWidthCarryOverTests
{
    // 8×8 images: the corner patches are one pixel, and the band of rows 40% to 70% is rows 3 and 4.
    private static readonly ImageShape Photograph = new(1, 8, 8);
    private static readonly ImageShape Emoji = new(3, 8, 8);

    /// <summary>A grey photograph: ground 50, and on every row a face of 200 <paramref name="width"/> pixels wide from column 1.</summary>
    private static float[] Face(int width) => Head(Photograph, ground: 50, head: 200, width);

    /// <summary>An emoji on white: a head of 100 in every channel, <paramref name="width"/> pixels wide from column 1, on every row.</summary>
    private static float[] EmojiHead(int width) => Head(Emoji, ground: 255, head: 100, width);

    private static float[] Head(ImageShape shape, float ground, float head, int width)
    {
        var image = new float[shape.Size];
        for (var i = 0; i < image.Length; i++)
        {
            var x = i % shape.Width;
            image[i] = x >= 1 && x <= width && x < shape.Width - 1 ? head : ground;
        }
        return image;
    }

    [TestMethod]
    public void WidthCountsThePixelsOfTheBandThatStandOutFromTheCornersLighterOrDarker()
    {
        Assert.AreEqual(4, HeadWidthCarryOver.Width(Face(4), Photograph));
        Assert.AreEqual(6, HeadWidthCarryOver.Width(EmojiHead(6), Emoji));
    }

    [TestMethod]
    public void PixelsWithinTheThresholdOfTheGroundAreGround()
    {
        var faint = Head(Photograph, ground: 50, head: 50 + HeadWidthCarryOver.Threshold - 1, width: 5);

        Assert.AreEqual(0, HeadWidthCarryOver.Width(faint, Photograph));
    }

    [TestMethod]
    public void WidthsThatGrowTogetherCorrelateAtOneAndOppositeOnesAtMinusOne()
    {
        var faces = new[] { Face(2), Face(4), Face(6) };

        var together = HeadWidthCarryOver.Measure(faces, Photograph, [EmojiHead(1), EmojiHead(3), EmojiHead(5)], Emoji);
        var opposite = HeadWidthCarryOver.Measure(faces, Photograph, [EmojiHead(5), EmojiHead(3), EmojiHead(1)], Emoji);

        Assert.AreEqual(1, together.Correlation, 1e-9);
        Assert.AreEqual(-1, opposite.Correlation, 1e-9);
        Assert.AreEqual(4, together.Photographs.Mean, 1e-9);
        Assert.AreEqual(Math.Sqrt(8 / 3.0), together.Transferred.Deviation, 1e-9);
    }

    [TestMethod]
    public void ByPersonCorrelatesEachPersonsMeanWidthSoPoseNoiseAveragesOut()
    {
        // Person 0's photographs are 2 and 4 wide (mean 3), person 1's 4 and 6 (mean 5); G gives person 0 heads of 4 and
        // 0 (mean 2) and person 1 heads of 2 and 6 (mean 4): photograph by photograph the widths hardly go together, but
        // the people's means do.
        var faces = new[] { Face(2), Face(4), Face(4), Face(6) };
        var heads = new[] { EmojiHead(4), EmojiHead(0), EmojiHead(2), EmojiHead(6) };

        var byPhotograph = HeadWidthCarryOver.Measure(faces, Photograph, heads, Emoji);
        var byPerson = HeadWidthCarryOver.MeasureByPerson(faces, Photograph, heads, Emoji, [0, 0, 1, 1]);

        Assert.IsLessThan(0.5, byPhotograph.Correlation);
        Assert.AreEqual(1, byPerson.Correlation, 1e-9);
        Assert.AreEqual(4, byPerson.Photographs.Mean, 1e-9);
        Assert.AreEqual(1, byPerson.Transferred.Deviation, 1e-9);
    }

    [TestMethod]
    public void ByPersonRefusesASinglePersonAndMissingPeople()
    {
        var faces = new[] { Face(2), Face(4) };
        var heads = new[] { EmojiHead(1), EmojiHead(3) };

        var onePerson = Assert.ThrowsExactly<ArgumentException>(() => HeadWidthCarryOver.MeasureByPerson(faces, Photograph, heads, Emoji, [0, 0]));
        var missing = Assert.ThrowsExactly<ArgumentException>(() => HeadWidthCarryOver.MeasureByPerson(faces, Photograph, heads, Emoji, [0]));
        StringAssert.Contains(onePerson.Message, "found 1");
        StringAssert.Contains(missing.Message, "2 photographs and 1 groups");
    }

    [TestMethod]
    public void ListsOfDifferentLengthsAreRefused()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(
            () => HeadWidthCarryOver.Measure([Face(2), Face(4)], Photograph, [EmojiHead(1)], Emoji));
        StringAssert.Contains(error.Message, "found 2 and 1");
    }
}
