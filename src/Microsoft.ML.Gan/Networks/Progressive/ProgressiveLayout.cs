using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Networks.Progressive;

/// <summary>
/// The layer plan of a progressively grown pair for one image: level 0 works at 4×4, level ℓ at 4·2^ℓ, the last level
/// at the image's side. A block at resolution r has min(2·<see cref="FeatureMapBase"/> / r, <see cref="FeatureMapMax"/>)
/// channels (the official code's nf with fmap_decay 1).
/// </summary>
internal sealed record ProgressiveLayout(ImageShape Image, int LatentSize, int FeatureMapBase, int FeatureMapMax)
{
    /// <summary>The smallest and the largest side the networks grow to.</summary>
    public const int MinimumSide = 8, MaximumSide = 128;

    /// <summary>The index of the last level (the image's resolution).</summary>
    public int LastLevel => (int)Math.Log2(Image.Height) - 2;

    /// <summary>Throws unless <paramref name="level"/> is 0 to <see cref="LastLevel"/> and <paramref name="alpha"/> is in [0, 1].</summary>
    public void CheckGrowth(int level, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, LastLevel);
        ArgumentOutOfRangeException.ThrowIfNegative(alpha);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(alpha, 1);
    }

    /// <summary>The side of the images of <paramref name="level"/>.</summary>
    public static int Side(int level) => 4 << level;

    /// <summary>Channels of the generator's block (and the discriminator's input) at <paramref name="level"/>.</summary>
    public int Channels(int level) => Math.Max(1, Math.Min(2 * FeatureMapBase / Side(level), FeatureMapMax));

    /// <summary>
    /// Number of values of the discriminator's features: the output of every level's block (level ℓ's has the
    /// channels of level ℓ − 1) and of the 4×4 convolution, each max-pooled to 4×4.
    /// </summary>
    public int FeatureCount => (Enumerable.Range(0, LastLevel).Sum(Channels) + Channels(0)) * 16;

    /// <summary>The plan for <paramref name="image"/>, or an error naming the expected and found sizes.</summary>
    public static ProgressiveLayout For(ImageShape image, int latentSize, int featureMapBase, int featureMapMax)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Height != image.Width || image.Height < MinimumSide || image.Height > MaximumSide || !int.IsPow2(image.Height))
        {
            throw new ArgumentException(
                $"Progressive growing needs square images whose side is a power of two from {MinimumSide} to {MaximumSide}; found {image}.",
                nameof(image));
        }
        return new ProgressiveLayout(image, latentSize, featureMapBase, featureMapMax);
    }
}
