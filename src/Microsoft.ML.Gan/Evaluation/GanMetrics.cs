namespace Microsoft.ML.Gan;

/// <summary>Quality metrics of a set of images, measured by <see cref="GanEvaluator"/> with a <see cref="DigitClassifier"/>.</summary>
public sealed class GanMetrics
{
    internal GanMetrics(double classifierScore, double frechetDistance, IReadOnlyList<double> classShares, long sampleCount)
    {
        ClassifierScore = classifierScore;
        FrechetDistance = frechetDistance;
        ClassShares = classShares;
        SampleCount = sampleCount;
    }

    /// <summary>
    /// The classifier score in the style of the Inception Score, exp(E_x[KL(p(y|x) ‖ p(y))]): from 1 (every image
    /// classified alike, or every image ambiguous) to the number of classes (confident and evenly spread). Compare it
    /// with the real images' own score (<see cref="GanEvaluator.RealMetrics"/>), its practical ceiling.
    /// </summary>
    public double ClassifierScore { get; }

    /// <summary>
    /// The Fréchet distance between Gaussians fitted to the classifier features of these images and of the real images
    /// (as in FID, on the classifier's penultimate layer): 0 for the same statistics, lower is better.
    /// </summary>
    public double FrechetDistance { get; }

    /// <summary>For each class, the share of the images the classifier assigns to it (the most probable class).</summary>
    public IReadOnlyList<double> ClassShares { get; }

    /// <summary>The smallest of <see cref="ClassShares"/>: 0 when a class is missing.</summary>
    public double MinClassShare => ClassShares.Min();

    /// <summary>The largest of <see cref="ClassShares"/>.</summary>
    public double MaxClassShare => ClassShares.Max();

    /// <summary>Number of images measured.</summary>
    public long SampleCount { get; }
}
