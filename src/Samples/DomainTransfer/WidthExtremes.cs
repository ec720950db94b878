using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Evaluation;

namespace Microsoft.ML.Gan.Samples.DomainTransfer;

/// <summary>
/// The photographs of the narrowest and the widest heads (<see cref="HeadWidthCarryOver.Width"/>), each row above the
/// row of G of them, so that whether a face's natural width carries over can be seen rather than read from a
/// correlation: narrowest first, from the narrowest; then widest, from the widest.
/// </summary>
internal static class WidthExtremes
{
    /// <summary>How many photographs each of the two ends shows.</summary>
    public const int PerEnd = 8;

    /// <summary>
    /// Saves the grid of <paramref name="photographs"/> and <paramref name="transferred"/> (G of each, in the same order)
    /// to <paramref name="path"/>.
    /// </summary>
    public static void Save(IReadOnlyList<float[]> photographs, ImageShape sourceShape, IReadOnlyList<float[]> transferred, ImageShape targetShape,
        string path)
    {
        var byWidth = Enumerable.Range(0, photographs.Count).OrderBy(index => HeadWidthCarryOver.Width(photographs[index], sourceShape)).ToList();
        var ends = Math.Min(PerEnd, byWidth.Count / 2);
        var narrowest = byWidth.Take(ends).ToList();
        var widest = byWidth.AsEnumerable().Reverse().Take(ends).ToList();
        var rows = new[] { narrowest, widest }.Select(end => (end.Select(index => photographs[index]), end.Select(index => transferred[index])));
        BeforeAfterGrid.Save(rows, sourceShape, targetShape, ends, path);
    }
}
