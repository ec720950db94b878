using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan;

/// <summary>
/// Options of <see cref="DiscriminatorFeaturesEstimator"/>: where the discriminator comes from (exactly one of
/// <see cref="Discriminator"/>, <see cref="ModelPath"/> and <see cref="UntrainedImageShape"/>), which hidden layers to
/// take and the grid each is max-pooled to.
/// </summary>
public sealed class DiscriminatorFeaturesOptions
{
    /// <summary>The default values of the options.</summary>
    public static class Defaults
    {
        /// <summary>Default name of the features column.</summary>
        public const string OutputColumnName = "Features";
        /// <summary>Default name of the image column.</summary>
        public const string InputColumnName = "Pixels";
        /// <summary>Side of the grid each hidden map is max-pooled to: the DCGAN paper's 4×4.</summary>
        public const int Grid = 4;
        /// <summary>Base width of an untrained discriminator (pytorch/examples' <c>ndf</c>).</summary>
        public const int UntrainedWidth = DcganOptions.ArchitectureDefaults.DiscriminatorWidth;
    }

    /// <summary>Name of the output column: a known-size Single vector.</summary>
    public string OutputColumnName = Defaults.OutputColumnName;

    /// <summary>Name of the image column: a known-size Single vector, planar C×H×W, 0..255, of the discriminator's image shape.</summary>
    public string InputColumnName = Defaults.InputColumnName;

    /// <summary>A trained GAN in memory (what <c>TrainDcgan(...).Fit</c> returns). It may be disposed after the estimator is created.</summary>
    public GanTransformer? Discriminator;

    /// <summary>A discriminator.zip saved with <c>mlContext.Model.Save</c> from a <see cref="GanTransformer"/>.</summary>
    public string? ModelPath;

    /// <summary>
    /// The image shape of a randomly initialised DCGAN discriminator (the paper's initial weights, batch norm at its
    /// initial statistics): the baseline a trained discriminator's features are measured against.
    /// </summary>
    public ImageShape? UntrainedImageShape;

    /// <summary>Base width of the untrained discriminator; used with <see cref="UntrainedImageShape"/> only.</summary>
    public int UntrainedWidth = Defaults.UntrainedWidth;

    /// <summary>Seed of the untrained discriminator's weights; null takes one from the MLContext (whose seed fixes it).</summary>
    public int? Seed;

    /// <summary>The hidden layers whose maps are taken (0-based, image side first); null or empty for all of them.</summary>
    public int[]? Layers;

    /// <summary>Side of the grid each hidden map is max-pooled to (adaptive max pooling, as in the DCGAN paper).</summary>
    public int Grid = Defaults.Grid;

    /// <summary>Throws when the options contradict each other or a value is out of range.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(OutputColumnName, nameof(OutputColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(InputColumnName, nameof(InputColumnName));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Grid, nameof(Grid));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(UntrainedWidth, nameof(UntrainedWidth));
        var sources = (Discriminator is null ? 0 : 1) + (ModelPath is null ? 0 : 1) + (UntrainedImageShape is null ? 0 : 1);
        if (sources != 1)
        {
            throw new ArgumentException(
                $"Set exactly one of {nameof(Discriminator)}, {nameof(ModelPath)} and {nameof(UntrainedImageShape)}; found {sources} set.");
        }
    }
}
