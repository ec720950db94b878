using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Evaluation;

/// <summary>How far a measure of each photograph and the same measure of G of it go together.</summary>
/// <param name="Correlation">The Pearson correlation of the two, −1 to 1 (0 when either has no spread).</param>
/// <param name="Photographs">The measure over the photographs.</param>
/// <param name="Transferred">The measure over the transferred images.</param>
internal sealed record CarryOver(double Correlation, Spread Photographs, Spread Transferred)
{
    /// <summary>
    /// <paramref name="measure"/> of each of <paramref name="photographs"/> and of each of <paramref name="transferred"/>
    /// (G of each photograph, in the same order; planar images of the given shapes), and their correlation.
    /// </summary>
    /// <exception cref="ArgumentException">The two lists differ in length or hold fewer than two images.</exception>
    public static CarryOver Of(IReadOnlyList<float[]> photographs, ImageShape photographShape,
        IReadOnlyList<float[]> transferred, ImageShape transferredShape, Func<float[], ImageShape, double> measure)
    {
        var (before, after) = Measured(photographs, photographShape, transferred, transferredShape, measure);
        return Between(before, after);
    }

    /// <summary>
    /// As <see cref="Of"/>, over groups of photographs rather than single ones: the mean measure of each group of
    /// <paramref name="photographs"/> and of G of them (<paramref name="groups"/> names each photograph's group, such as
    /// its person), and the correlation of the group means, so that what varies from one photograph of a group to the
    /// next (pose, expression, lighting) averages out and what sets the groups apart is left.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The lists differ in length, or the photographs fall in fewer than two groups.
    /// </exception>
    public static CarryOver OfGroupMeans(IReadOnlyList<float[]> photographs, ImageShape photographShape,
        IReadOnlyList<float[]> transferred, ImageShape transferredShape, IReadOnlyList<int> groups, Func<float[], ImageShape, double> measure)
    {
        if (groups.Count != photographs.Count)
        {
            throw new ArgumentException($"Each photograph needs its group; found {photographs.Count} photographs and {groups.Count} groups.");
        }
        if (groups.Distinct().Count() < 2)
        {
            throw new ArgumentException($"A carry-over of group means is measured over two or more groups; found {groups.Distinct().Count()}.");
        }
        var (before, after) = Measured(photographs, photographShape, transferred, transferredShape, measure);
        var byGroup = Enumerable.Range(0, groups.Count).GroupBy(index => groups[index]).ToList();
        return Between(byGroup.Select(group => group.Average(index => before[index])).ToList(),
            byGroup.Select(group => group.Average(index => after[index])).ToList());
    }

    private static (List<double> Before, List<double> After) Measured(IReadOnlyList<float[]> photographs, ImageShape photographShape,
        IReadOnlyList<float[]> transferred, ImageShape transferredShape, Func<float[], ImageShape, double> measure)
    {
        if (photographs.Count != transferred.Count || photographs.Count < 2)
        {
            throw new ArgumentException($"A carry-over is measured over two or more photographs and as many transferred images; found {photographs.Count} and {transferred.Count}.");
        }
        return (photographs.Select(image => measure(image, photographShape)).ToList(), transferred.Select(image => measure(image, transferredShape)).ToList());
    }

    private static CarryOver Between(IReadOnlyList<double> photographs, IReadOnlyList<double> transferred)
    {
        var (before, after) = (Spread.Of(photographs), Spread.Of(transferred));
        var covariance = photographs.Zip(transferred, (x, y) => (x - before.Mean) * (y - after.Mean)).Average();
        var correlation = before.Deviation > 0 && after.Deviation > 0 ? covariance / (before.Deviation * after.Deviation) : 0;
        return new CarryOver(correlation, before, after);
    }
}
