using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Tests.Data;

[TestClass]
public sealed class MirroredFigureTests
{
    /// <summary>A mask from rows of text joined by '/': '#' is figure, '.' is ground.</summary>
    private static bool[] Mask(string rows) => [.. rows.Replace("/", "", StringComparison.Ordinal).Select(pixel => pixel == '.')];

    private static string Text(bool[] isGround, int width) =>
        string.Join("/", isGround.Chunk(width).Select(row => new string([.. row.Select(ground => ground ? '.' : '#')])));

    [TestMethod]
    [DataRow(".###../.##.../..#...", ".####./.####./..##..", DisplayName = "even width: each side mends the other")]
    [DataRow("##.../..#../....#", "##.##/..#../#...#", DisplayName = "odd width: the middle column is its own mirror")]
    [DataRow("...../.....", "...../.....", DisplayName = "a mask without figure is left as it is")]
    public void EachPixelIsFigureWhenItOrItsMirrorImageIs(string mask, string expected)
    {
        var width = mask.IndexOf('/', StringComparison.Ordinal);
        var isGround = Mask(mask);

        MirroredFigure.Apply(isGround, width);

        Assert.AreEqual(expected, Text(isGround, width));
    }
}
