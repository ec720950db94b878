namespace Microsoft.ML.Gan.Evaluation;

/// <summary>The mean and the unbiased covariance (divided by n − 1, as <c>numpy.cov</c>) of a set of feature vectors.</summary>
/// <param name="Mean">The mean vector, of length d.</param>
/// <param name="Covariance">The d×d covariance, row-major.</param>
/// <param name="Count">Number of vectors.</param>
internal sealed record FeatureStatistics(double[] Mean, double[] Covariance, long Count)
{
    /// <summary>Length of the feature vectors.</summary>
    public int Dimension => Mean.Length;
}
