using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Evaluation;

namespace Microsoft.ML.Gan.Samples.DomainTransfer;

/// <summary>
/// The photographs of the narrowest and the widest heads (<see cref="HeadWidthCarryOver.Width"/>), each row above the
/// row of G of them, so that whether a face's natural width carries over can be seen rather than read from a
/// correlation: narrowest first, from the narrowest; then widest, from the widest. The same by person, from each
/// person's mean width, shows whether face shape sets people apart once pose averages out, and the ladder of every
/// person in order of mean width whether it does so for people generally.
/// </summary>
internal static class WidthExtremes
{
    /// <summary>How many photographs each of the two ends shows.</summary>
    public const int PerEnd = 8;

    /// <summary>How many people each of the two ends of the grid by person shows.</summary>
    public const int PeoplePerEnd = 3;

    /// <summary>
    /// Saves the grid of <paramref name="photographs"/> and <paramref name="transferred"/> (G of each, in the same order)
    /// to <paramref name="path"/>.
    /// </summary>
    public static void Save(IReadOnlyList<float[]> photographs, ImageShape sourceShape, IReadOnlyList<float[]> transferred, ImageShape targetShape,
        string path)
    {
        var widths = Widths(photographs, sourceShape);
        var byWidth = Enumerable.Range(0, photographs.Count).OrderBy(index => widths[index]).ToList();
        var ends = Math.Min(PerEnd, byWidth.Count / 2);
        var narrowest = byWidth.Take(ends).ToList();
        var widest = byWidth.AsEnumerable().Reverse().Take(ends).ToList();
        var rows = new[] { narrowest, widest }.Select(end => (end.Select(index => photographs[index]), end.Select(index => transferred[index])));
        BeforeAfterGrid.Save(rows, sourceShape, targetShape, ends, path);
    }

    /// <summary>
    /// Saves the grid of the <see cref="PeoplePerEnd"/> people (<paramref name="people"/> names each photograph's) of
    /// the narrowest mean head width, from the narrowest, and then of the widest, from the widest: a row of up to
    /// <see cref="PerEnd"/> photographs of each person above the row of G of them, to <paramref name="path"/>.
    /// </summary>
    public static void SaveByPerson(IReadOnlyList<float[]> photographs, ImageShape sourceShape, IReadOnlyList<float[]> transferred,
        ImageShape targetShape, IReadOnlyList<int> people, string path)
    {
        var widths = Widths(photographs, sourceShape);
        var byWidth = PeopleByMeanWidth(widths, people).Select(person => person.Photographs.Take(PerEnd).ToList()).ToList();
        var ends = Math.Min(PeoplePerEnd, byWidth.Count / 2);
        var columns = byWidth.Max(person => person.Count);
        var shown = byWidth.Take(ends).Concat(byWidth.AsEnumerable().Reverse().Take(ends));
        // A person with fewer photographs than the widest row is padded with white, so that every row starts a grid row.
        var rows = shown.Select(person => (
            person.Select(index => photographs[index]).Concat(Enumerable.Repeat(Blank(sourceShape), columns - person.Count)),
            person.Select(index => transferred[index]).Concat(Enumerable.Repeat(Blank(targetShape), columns - person.Count))));
        BeforeAfterGrid.Save(rows, sourceShape, targetShape, columns, path);
    }

    /// <summary>
    /// Saves the ladder of every person (<paramref name="people"/> names each photograph's) from the narrowest mean head
    /// width to the widest, <see cref="PerEnd"/> people to a row, each shown by the photograph whose width is nearest the
    /// person's mean, above G of it, to <paramref name="path"/>: whether G's heads widen along it shows whether face
    /// shape carries over for people generally, not only at the ends.
    /// </summary>
    public static void SaveLadder(IReadOnlyList<float[]> photographs, ImageShape sourceShape, IReadOnlyList<float[]> transferred,
        ImageShape targetShape, IReadOnlyList<int> people, string path)
    {
        var widths = Widths(photographs, sourceShape);
        var representatives = PeopleByMeanWidth(widths, people)
            .Select(person => person.Photographs.MinBy(index => Math.Abs(widths[index] - person.MeanWidth)))
            .ToList();
        var rows = representatives.Chunk(PerEnd).Select(row => (
            row.Select(index => photographs[index]).Concat(Enumerable.Repeat(Blank(sourceShape), PerEnd - row.Length)),
            row.Select(index => transferred[index]).Concat(Enumerable.Repeat(Blank(targetShape), PerEnd - row.Length))));
        BeforeAfterGrid.Save(rows, sourceShape, targetShape, PerEnd, path);
    }

    /// <summary>
    /// Each person's photographs (their indices) and mean head width, from the narrowest mean to the widest, given each
    /// photograph's width and person.
    /// </summary>
    private static List<(List<int> Photographs, double MeanWidth)> PeopleByMeanWidth(IReadOnlyList<double> widths, IReadOnlyList<int> people) =>
        [.. Enumerable.Range(0, widths.Count).GroupBy(index => people[index])
            .Select(person => (Photographs: person.ToList(), MeanWidth: person.Average(index => widths[index])))
            .OrderBy(person => person.MeanWidth)];

    /// <summary>The head's width in each of <paramref name="photographs"/> (<see cref="HeadWidthCarryOver.Width"/>).</summary>
    private static List<double> Widths(IReadOnlyList<float[]> photographs, ImageShape shape) =>
        [.. photographs.Select(photograph => HeadWidthCarryOver.Width(photograph, shape))];

    /// <summary>A white image, to pad a row that holds fewer images than the grid is wide.</summary>
    private static float[] Blank(ImageShape shape) => Enumerable.Repeat(255f, shape.Size).ToArray();
}
