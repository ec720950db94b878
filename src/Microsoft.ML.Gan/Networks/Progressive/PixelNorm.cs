using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Networks.Progressive;

/// <summary>
/// Pixelwise feature normalisation (Karras et al. 2017, section 4.2): each pixel's feature vector divided by its root
/// mean square over the channels, b = a / √(mean_c a² + ε), ε = 1e-8. Also normalises the latent vectors.
/// </summary>
internal static class PixelNorm
{
    /// <summary>ε of the paper.</summary>
    public const double Epsilon = 1e-8;

    /// <summary>Normalises <paramref name="x"/> ([N, C] or [N, C, H, W]) over dimension 1.</summary>
    /// <param name="x">The features.</param>
    /// <param name="epsilon">ε, as a Scalar the caller keeps alive.</param>
    public static Tensor Apply(Tensor x, Scalar epsilon) => x.mul(x.square().mean([1], keepdim: true).add(epsilon).rsqrt());
}
