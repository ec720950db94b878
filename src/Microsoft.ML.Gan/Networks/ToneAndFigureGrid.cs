using System.Runtime.CompilerServices;
using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// The grids of a fixed layout that reads coarse tone cells beside a finer grid of figure cells (the silhouette
/// layout's cells, the width profile's bands): the checks both make and the fine cells' size.
/// </summary>
internal static class ToneAndFigureGrid
{
    /// <summary>
    /// Refuses grids the layout cannot have whatever the image: fewer than 2 fine cells along a side, tone cells that
    /// do not divide them. <paramref name="fineCells"/> names them in the messages ("figure cells", "bands"), and the
    /// exceptions name the caller's parameters.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The grids are such.</exception>
    public static void Check(string layout, int toneCells, int fineCount, string fineCells,
        [CallerArgumentExpression(nameof(toneCells))] string toneParameter = "", [CallerArgumentExpression(nameof(fineCount))] string fineParameter = "")
    {
        if (fineCount < 2)
        {
            throw new ArgumentOutOfRangeException(fineParameter, fineCount, $"The {layout} needs at least 2 {fineCells}.");
        }
        if (toneCells < 1 || fineCount % toneCells != 0)
        {
            throw new ArgumentOutOfRangeException(toneParameter, toneCells,
                $"The {layout}'s tone cells must divide its {fineCount} {fineCells} along a side; found {toneCells}.");
        }
    }

    /// <summary>The side of the square fine cells of <paramref name="image"/>, <paramref name="fineCount"/> along each side.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The image is not square or <paramref name="fineCount"/> does not divide its side.</exception>
    public static int CellSize(string layout, ImageShape image, int fineCount, string fineCells,
        [CallerArgumentExpression(nameof(fineCount))] string fineParameter = "")
    {
        if (image.Height != image.Width || image.Height % fineCount != 0)
        {
            throw new ArgumentOutOfRangeException(fineParameter, fineCount,
                $"The {layout} splits a square image into {fineCells} of whole square cells; {fineCount} does not divide the {image} images.");
        }
        return image.Height / fineCount;
    }
}
