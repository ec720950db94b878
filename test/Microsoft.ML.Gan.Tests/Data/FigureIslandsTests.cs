using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Tests.Data;

[TestClass]
public sealed class FigureIslandsTests
{
    /// <summary>A mask from rows of text: '#' is figure, '.' is ground.</summary>
    private static bool[] Mask(params string[] rows) => [.. rows.SelectMany(row => row.Select(pixel => pixel == '.'))];

    private static string Text(bool[] isGround, int width) =>
        string.Join("/", isGround.Chunk(width).Select(row => new string([.. row.Select(ground => ground ? '.' : '#')])));

    [TestMethod]
    public void EveryGroupButTheLargestTurnsGround()
    {
        var mask = Mask(
            "##....",
            "......",
            "..###.",
            "..####",
            "#.....");

        FigureIslands.TurnToGround(mask, width: 6);

        Assert.AreEqual("....../....../..###./..####/......", Text(mask, 6));
    }

    [TestMethod]
    public void PixelsThatTouchOnlyAtACornerAreApart()
    {
        var mask = Mask(
            "##..",
            "##..",
            "..#.",
            "....");

        FigureIslands.TurnToGround(mask, width: 4);

        Assert.AreEqual("##../##../..../....", Text(mask, 4));
    }

    [TestMethod]
    public void AMaskWithoutFigureIsLeftAsItIs()
    {
        var mask = Mask("...", "...");

        FigureIslands.TurnToGround(mask, width: 3);

        Assert.IsTrue(mask.All(ground => ground));
    }
}
