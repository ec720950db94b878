namespace Microsoft.ML.Gan.Evaluation;

/// <summary>The sliced Wasserstein distance of two image sets per Laplacian pyramid level, ×10³ as the paper reports it.</summary>
/// <param name="Resolutions">The side of each pyramid level, finest first (the last is the coarsest, a Gaussian level).</param>
/// <param name="Distances">The distance ×10³ at each level, in the order of <paramref name="Resolutions"/>.</param>
public sealed record SlicedWassersteinResult(IReadOnlyList<int> Resolutions, IReadOnlyList<double> Distances)
{
    /// <summary>The mean of <see cref="Distances"/> over the levels.</summary>
    public double Average => Distances.Average();

    /// <summary>The levels as text, e.g. <c>32: 12.3, 16: 8.1, avg 10.2</c>.</summary>
    /// <returns>The distances by level and their average.</returns>
    public override string ToString() => string.Join(", ", Resolutions.Zip(Distances, (side, distance) =>
        FormattableString.Invariant($"{side}: {distance:F2}"))) + FormattableString.Invariant($", avg {Average:F2}");
}
