namespace Microsoft.ML.Gan.Evaluation;

/// <summary>A mean and a (population) standard deviation.</summary>
/// <param name="Mean">The mean.</param>
/// <param name="Deviation">The standard deviation.</param>
internal sealed record Spread(double Mean, double Deviation)
{
    /// <summary>The spread of <paramref name="values"/>.</summary>
    public static Spread Of(IReadOnlyCollection<double> values)
    {
        var mean = values.Average();
        return new Spread(mean, Math.Sqrt(values.Average(value => (value - mean) * (value - mean))));
    }
}
