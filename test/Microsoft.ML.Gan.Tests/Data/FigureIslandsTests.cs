using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Tests.Data;

[TestClass]
public sealed class FigureIslandsTests
{
    /// <summary>A mask from rows of text joined by '/': '#' is figure, '.' is ground.</summary>
    private static bool[] Mask(string rows) => [.. rows.Replace("/", "", StringComparison.Ordinal).Select(pixel => pixel == '.')];

    private static string Text(bool[] isGround, int width) =>
        string.Join("/", isGround.Chunk(width).Select(row => new string([.. row.Select(ground => ground ? '.' : '#')])));

    [TestMethod]
    [DataRow("##..../....../..###./..####/#.....", "....../....../..###./..####/......", DisplayName = "every group but the largest turns ground")]
    [DataRow("##../##../..#./....", "##../##../..../....", DisplayName = "pixels that touch only at a corner are apart")]
    [DataRow(".../...", ".../...", DisplayName = "a mask without figure is left as it is")]
    public void IslandsTurnGround(string mask, string expected)
    {
        var isGround = Mask(mask);

        FigureIslands.TurnToGround(isGround, width: mask.IndexOf('/', StringComparison.Ordinal));

        Assert.AreEqual(expected, Text(isGround, mask.IndexOf('/', StringComparison.Ordinal)));
    }
}
