using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// The layer plan of the original GAN's multilayer perceptrons on flattened images, as in the classic MNIST
/// implementations: the generator's hidden layers double from <see cref="GeneratorWidth"/> (128 → 256 → 512 → 1024),
/// the discriminator's halve from <see cref="DiscriminatorWidth"/> (512 → 256). Any image shape works.
/// </summary>
internal sealed record MlpLayout
{
    /// <summary>Hidden layers of the generator.</summary>
    public const int GeneratorLayers = 4;

    /// <summary>Hidden layers of the discriminator.</summary>
    public const int DiscriminatorLayers = 2;

    private MlpLayout(ImageShape image, int latentSize, int generatorWidth, int discriminatorWidth)
    {
        Image = image;
        LatentSize = latentSize;
        GeneratorWidth = generatorWidth;
        DiscriminatorWidth = discriminatorWidth;
    }

    /// <summary>The generated (and discriminated) image shape.</summary>
    public ImageShape Image { get; }

    /// <summary>Length of the latent vector.</summary>
    public int LatentSize { get; }

    /// <summary>Units of the generator's first hidden layer.</summary>
    public int GeneratorWidth { get; }

    /// <summary>Units of the discriminator's first hidden layer.</summary>
    public int DiscriminatorWidth { get; }

    /// <summary>Values of one flattened image, C·H·W.</summary>
    public int ImageSize => Image.Size;

    /// <summary>Plans the networks, or explains which size is out of range.</summary>
    public static MlpLayout For(ImageShape image, int latentSize, int generatorWidth, int discriminatorWidth)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(latentSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(generatorWidth);
        ArgumentOutOfRangeException.ThrowIfLessThan(discriminatorWidth, 1 << (DiscriminatorLayers - 1));
        return new MlpLayout(image, latentSize, generatorWidth, discriminatorWidth);
    }

    /// <summary>Units of the generator's hidden layer <paramref name="layer"/> (0-based).</summary>
    public int GeneratorUnits(int layer) => GeneratorWidth << layer;

    /// <summary>Units of the discriminator's hidden layer <paramref name="layer"/> (0-based).</summary>
    public int DiscriminatorUnits(int layer) => DiscriminatorWidth >> layer;

    /// <summary>Length of the discriminator's features: every hidden layer's activations, concatenated.</summary>
    public int FeatureCount => Enumerable.Range(0, DiscriminatorLayers).Sum(DiscriminatorUnits);
}
