namespace Microsoft.ML.Gan;

/// <summary>
/// Options of <see cref="DcganEstimator"/>: the shared options of <see cref="GanTrainerOptions"/> and the widths of the
/// networks. The defaults are the DCGAN paper's (and pytorch/examples') settings.
/// </summary>
public sealed class DcganOptions : GanTrainerOptions
{
    /// <summary>The default values of the DCGAN-only options (the shared ones are in <see cref="GanTrainerOptions.Defaults"/>).</summary>
    public static class ArchitectureDefaults
    {
        /// <summary>Generator base width of pytorch/examples (<c>ngf</c>).</summary>
        public const int GeneratorWidth = 64;
        /// <summary>Discriminator base width of pytorch/examples (<c>ndf</c>).</summary>
        public const int DiscriminatorWidth = 64;
        /// <summary>Side of the grid each hidden discriminator map is max-pooled to for <c>Features</c>.</summary>
        public const int FeatureGrid = 4;
    }

    /// <summary>Channels of the generator's last hidden map; the others are multiples of it.</summary>
    public int GeneratorWidth = ArchitectureDefaults.GeneratorWidth;

    /// <summary>Channels of the discriminator's first hidden map; the others are multiples of it.</summary>
    public int DiscriminatorWidth = ArchitectureDefaults.DiscriminatorWidth;

    /// <summary>Side of the grid each hidden discriminator map is max-pooled to for the features column.</summary>
    public int FeatureGrid = ArchitectureDefaults.FeatureGrid;

    /// <summary>Whether the discriminator batch-normalises its hidden maps (the paper's; off, as TensorFlow's DCGAN tutorial).</summary>
    public bool DiscriminatorBatchNorm = true;

    /// <summary>
    /// Probability of dropping each hidden discriminator activation while training (0, the paper's: none; TensorFlow's
    /// DCGAN tutorial uses 0.3). A regulariser against a discriminator that memorises a small data set.
    /// </summary>
    public double DiscriminatorDropout;

    /// <summary>
    /// The shared options of <paramref name="preset"/>, and the DCGAN's networks: <see cref="GanPreset.Paper"/> the
    /// paper's (base widths 64, a batch-normalised discriminator, no dropout); <see cref="GanPreset.Recommended"/> twice
    /// the generator width, and a discriminator without batch norm and with dropout 0.3, as TensorFlow's DCGAN
    /// tutorial (measured by the Samples' <c>quality</c> command: better class coverage and Fréchet distance).
    /// </summary>
    /// <param name="preset">The preset to apply.</param>
    public override void ApplyPreset(GanPreset preset)
    {
        base.ApplyPreset(preset);
        var recommended = preset == GanPreset.Recommended;
        GeneratorWidth = recommended ? 2 * ArchitectureDefaults.GeneratorWidth : ArchitectureDefaults.GeneratorWidth;
        DiscriminatorWidth = ArchitectureDefaults.DiscriminatorWidth;
        DiscriminatorBatchNorm = !recommended;
        DiscriminatorDropout = recommended ? RecommendedDiscriminatorDropout : 0;
    }

    /// <summary>The discriminator's dropout in <see cref="GanPreset.Recommended"/>.</summary>
    private const double RecommendedDiscriminatorDropout = 0.3;

    /// <inheritdoc/>
    internal override void Validate()
    {
        base.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(GeneratorWidth, nameof(GeneratorWidth));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(DiscriminatorWidth, nameof(DiscriminatorWidth));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(FeatureGrid, nameof(FeatureGrid));
        if (DiscriminatorDropout is < 0 or >= 1 || double.IsNaN(DiscriminatorDropout))
        {
            throw new ArgumentOutOfRangeException(nameof(DiscriminatorDropout), DiscriminatorDropout, "DiscriminatorDropout must be in [0, 1).");
        }
    }
}
