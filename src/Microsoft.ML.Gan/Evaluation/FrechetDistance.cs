using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Evaluation;

/// <summary>
/// The Fréchet distance between two Gaussians fitted to feature sets (as in FID):
/// ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2 (Σ₁Σ₂)^½), in float64. Tr((Σ₁Σ₂)^½) is taken as the sum of the square roots of the
/// eigenvalues of the symmetric Σ₁^½ Σ₂ Σ₁^½, which has the same eigenvalues as Σ₁Σ₂; symmetric eigen-decompositions
/// stay real and stable where a general matrix square root of Σ₁Σ₂ does not (covariances are often singular).
/// </summary>
internal static class FrechetDistance
{
    /// <summary>The distance between <paramref name="first"/> and <paramref name="second"/>; rounding below 0 is returned as 0.</summary>
    public static double Between(FeatureStatistics first, FeatureStatistics second)
    {
        if (first.Dimension != second.Dimension)
        {
            throw new ArgumentException($"Feature statistics of different lengths: {first.Dimension} and {second.Dimension}.", nameof(second));
        }
        var d = first.Dimension;
        using var noGc = NoGcRegion.Enter();
        using var scope = NewDisposeScope();
        var meanDifference = tensor(first.Mean) - tensor(second.Mean);
        var covariance1 = tensor(first.Covariance, [d, d]);
        var covariance2 = tensor(second.Covariance, [d, d]);
        var root1 = SymmetricSquareRoot(covariance1);
        var product = root1.matmul(covariance2).matmul(root1);
        var traceOfRoot = linalg.eigvalsh((product + product.t()) / 2).clamp_min(0).sqrt().sum().item<double>();
        var distance = meanDifference.dot(meanDifference).item<double>()
            + covariance1.trace().item<double>() + covariance2.trace().item<double>() - (2 * traceOfRoot);
        return Math.Max(0, distance);
    }

    /// <summary>
    /// The symmetric positive semi-definite square root of a symmetric matrix, V diag(√max(λ, 0)) Vᵀ from its
    /// eigen-decomposition (eigenvalues below 0 are rounding of a semi-definite matrix and count as 0).
    /// </summary>
    public static Tensor SymmetricSquareRoot(Tensor symmetric)
    {
        using var scope = NewDisposeScope();
        var (values, vectors) = linalg.eigh((symmetric + symmetric.t()) / 2);
        return (vectors * values.clamp_min(0).sqrt().unsqueeze(0)).matmul(vectors.t()).MoveToOuterDisposeScope();
    }
}
