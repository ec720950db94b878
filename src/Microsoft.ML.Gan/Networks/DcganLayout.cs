using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// The layer plan of a DCGAN that follows its image: square images of 28×28 (MNIST) or any power of two from 16 to
/// 128. The generator starts from a <see cref="StartSize"/>² map and doubles it <see cref="Stages"/> times; the
/// discriminator mirrors it. Channel widths follow pytorch/examples: the map next to the image has the base width,
/// each step away from it doubles it.
/// </summary>
internal sealed record DcganLayout
{
    /// <summary>Smallest supported power-of-two side.</summary>
    public const int MinPowerOfTwoSide = 16;

    /// <summary>Largest supported power-of-two side.</summary>
    public const int MaxPowerOfTwoSide = 128;

    /// <summary>The MNIST side, the one supported size that is not a power of two.</summary>
    public const int MnistSide = 28;

    private DcganLayout(ImageShape image, int latentSize, int generatorWidth, int discriminatorWidth, int startSize)
    {
        Image = image;
        LatentSize = latentSize;
        GeneratorWidth = generatorWidth;
        DiscriminatorWidth = discriminatorWidth;
        StartSize = startSize;
        Stages = (int)Math.Round(Math.Log2(image.Height / (double)startSize));
    }

    /// <summary>The generated (and discriminated) image shape.</summary>
    public ImageShape Image { get; }

    /// <summary>Length of the latent vector.</summary>
    public int LatentSize { get; }

    /// <summary>Channel count of the generator's last hidden map (pytorch/examples' <c>ngf</c>).</summary>
    public int GeneratorWidth { get; }

    /// <summary>Channel count of the discriminator's first map (pytorch/examples' <c>ndf</c>).</summary>
    public int DiscriminatorWidth { get; }

    /// <summary>Side of the generator's first map and of the discriminator's last one: 7 for 28×28, 4 otherwise.</summary>
    public int StartSize { get; }

    /// <summary>How many times the generator doubles its map (and the discriminator halves it).</summary>
    public int Stages { get; }

    /// <summary>Whether a square side is one this architecture can follow.</summary>
    public static bool IsSupportedSide(int side) =>
        side == MnistSide || (side >= MinPowerOfTwoSide && side <= MaxPowerOfTwoSide && int.IsPow2(side));

    /// <summary>Plans the networks for an image, or explains why the image cannot be followed.</summary>
    public static DcganLayout For(ImageShape image, int latentSize, int generatorWidth, int discriminatorWidth)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(latentSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(generatorWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(discriminatorWidth);
        if (image.Height != image.Width || !IsSupportedSide(image.Height))
        {
            throw new ArgumentOutOfRangeException(nameof(image),
                $"DCGAN needs square images of 28×28 or a power of two from {MinPowerOfTwoSide} to {MaxPowerOfTwoSide}; found {image.Height}×{image.Width}. Resize the images first (ResizeImages).");
        }
        if (image.Channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(image), $"DCGAN needs 1 (grey) or 3 (RGB) channels; found {image.Channels}.");
        }
        return new DcganLayout(image, latentSize, generatorWidth, discriminatorWidth, image.Height == MnistSide ? 7 : 4);
    }

    /// <summary>Channels of the generator's hidden map after its <paramref name="block"/>-th layer (0-based).</summary>
    public int GeneratorChannels(int block) => GeneratorWidth << (Stages - 1 - block);

    /// <summary>Side of the generator's hidden map after its <paramref name="block"/>-th layer (0-based).</summary>
    public int GeneratorSide(int block) => StartSize << block;

    /// <summary>Channels of the discriminator's hidden map after its <paramref name="block"/>-th layer (0-based).</summary>
    public int DiscriminatorChannels(int block) => DiscriminatorWidth << block;

    /// <summary>Side of the discriminator's hidden map after its <paramref name="block"/>-th layer (0-based).</summary>
    public int DiscriminatorSide(int block) => Image.Height >> (block + 1);

    /// <summary>Length of the discriminator's features: every hidden map max-pooled to <paramref name="grid"/>², concatenated.</summary>
    public int FeatureCount(int grid) => Enumerable.Range(0, Stages).Sum(DiscriminatorChannels) * grid * grid;
}
