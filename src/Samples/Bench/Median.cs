namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>The median, the figure the benchmarks quote over trials (robust to one disturbed trial on a shared machine).</summary>
internal static class Median
{
    /// <summary>The middle value, or the mean of the two middle values; NaN for no values.</summary>
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
