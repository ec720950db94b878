namespace Microsoft.ML.Gan.Evaluation;

/// <summary>The arithmetic of <see cref="DomainTransferConstancy"/> over feature vectors already computed.</summary>
internal static class ConstancyMeasure
{
    /// <summary>
    /// The mean relative distances from f(s_i) (<paramref name="source"/>) to f(G(s_i)) (<paramref name="transferred"/>,
    /// same order), to f(G(s_j)) with j a random other index, and to a random row of <paramref name="target"/> when
    /// given; the random choices follow <paramref name="seed"/>. Rows with f(s) = 0 have no relative distance and are left out.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two source rows, rows that differ in length, or an empty target.</exception>
    public static DomainTransferConstancy Compute(IReadOnlyList<float[]> source, IReadOnlyList<float[]> transferred,
        IReadOnlyList<float[]>? target, int seed)
    {
        if (source.Count < 2 || transferred.Count != source.Count)
        {
            throw new ArgumentException(
                $"f-constancy needs at least two source images and one transfer of each; found {source.Count} source and {transferred.Count} transferred.");
        }
        if (target is { Count: 0 })
        {
            throw new ArgumentException("f-constancy against target images needs at least one target image; found none.", nameof(target));
        }
        var random = new Random(seed);
        double toTransferred = 0, toRandomSource = 0, toRandomTarget = 0;
        var count = 0;
        for (var i = 0; i < source.Count; i++)
        {
            // Drawn for every row, so that the pairs do not depend on which rows are left out.
            var other = (i + 1 + random.Next(source.Count - 1)) % source.Count;
            var targetRow = target is null ? -1 : random.Next(target.Count);
            var norm = Distance(source[i], new float[source[i].Length]);
            if (norm == 0)
            {
                continue;
            }
            toTransferred += Distance(source[i], transferred[i]) / norm;
            toRandomSource += Distance(source[i], transferred[other]) / norm;
            if (target is not null)
            {
                toRandomTarget += Distance(source[i], target[targetRow]) / norm;
            }
            count++;
        }
        if (count == 0)
        {
            throw new ArgumentException($"f is zero for all {source.Count} source images: no relative distance to measure.", nameof(source));
        }
        return new DomainTransferConstancy(toTransferred / count, toRandomSource / count, target is null ? null : toRandomTarget / count, count);
    }

    /// <summary>The Euclidean distance of two vectors of the same length.</summary>
    private static double Distance(float[] a, float[] b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Feature vectors must have the same length; found {a.Length} and {b.Length}.");
        }
        double sum = 0;
        for (var k = 0; k < a.Length; k++)
        {
            double d = a[k] - b[k];
            sum += d * d;
        }
        return Math.Sqrt(sum);
    }
}
