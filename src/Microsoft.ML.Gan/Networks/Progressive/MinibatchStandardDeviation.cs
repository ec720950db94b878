using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Networks.Progressive;

/// <summary>
/// The minibatch standard deviation layer (Karras et al. 2017, section 3, as the official code does it): the batch is
/// split into groups of <see cref="GroupSize"/> images (image n belongs to group n mod N/G); in each group the standard
/// deviation of every feature over the group's images (√(var + 1e-8)) is averaged over features and pixels, and that
/// one number is appended as a constant extra feature map to every image of the group.
/// </summary>
internal static class MinibatchStandardDeviation
{
    /// <summary>The group size of the paper.</summary>
    public const int GroupSize = 4;

    /// <summary>The ε under the square root.</summary>
    public const double Epsilon = 1e-8;

    /// <summary>
    /// The largest group size up to <see cref="GroupSize"/> that divides <paramref name="batch"/>: a batch of one image
    /// (scoring) has groups of one, whose standard deviation is √ε.
    /// </summary>
    public static int Group(long batch)
    {
        var group = (int)Math.Min(GroupSize, batch);
        while (batch % group != 0)
        {
            group--;
        }
        return group;
    }

    /// <summary>[N, C, H, W] → [N, C + 1, H, W].</summary>
    /// <param name="x">The features.</param>
    /// <param name="epsilon">ε, as a Scalar the caller keeps alive.</param>
    public static Tensor Append(Tensor x, Scalar epsilon)
    {
        var (n, h, w) = (x.shape[0], x.shape[2], x.shape[3]);
        var group = Group(n);
        var y = x.reshape(group, n / group, x.shape[1], h, w);
        y = y.sub(y.mean([0], keepdim: true)).square().mean([0]).add(epsilon).sqrt();
        var deviation = y.mean([1, 2, 3]).reshape(1, n / group, 1, 1, 1).expand(group, n / group, 1, h, w).reshape(n, 1, h, w);
        return cat([x, deviation], 1);
    }
}
