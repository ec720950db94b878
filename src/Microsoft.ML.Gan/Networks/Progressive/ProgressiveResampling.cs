using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Networks.Progressive;

/// <summary>The resampling of progressive growing: nearest-neighbour upsampling and average pooling by powers of two.</summary>
internal static class ProgressiveResampling
{
    /// <summary>Repeats every pixel <paramref name="factor"/>×<paramref name="factor"/> times.</summary>
    public static Tensor Upsample(Tensor x, int factor) =>
        factor == 1 ? x.alias() : x.repeat_interleave(factor, 2).repeat_interleave(factor, 3);

    /// <summary>Averages every <paramref name="factor"/>×<paramref name="factor"/> square.</summary>
    public static Tensor Downsample(Tensor x, int factor) =>
        factor == 1 ? x.alias() : functional.avg_pool2d(x, factor);

    /// <summary>(1 − α)·<paramref name="lower"/> + α·<paramref name="upper"/>, α as a tensor (no Scalar to keep alive).</summary>
    public static Tensor Fade(Tensor lower, Tensor upper, double alpha) =>
        lower.lerp(upper, tensor((float)alpha, device: lower.device));
}
