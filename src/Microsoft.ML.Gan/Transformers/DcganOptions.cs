using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan;

/// <summary>Options of <see cref="DcganEstimator"/>. The defaults are the DCGAN paper's (and pytorch/examples') settings.</summary>
public sealed class DcganOptions
{
    /// <summary>The default values of the options.</summary>
    public static class Defaults
    {
        /// <summary>Default name of the image column.</summary>
        public const string InputColumnName = "Pixels";
        /// <summary>Default name of the discriminator's score column.</summary>
        public const string ScoreColumnName = "Score";
        /// <summary>Default name of the discriminator's features column.</summary>
        public const string FeaturesColumnName = "Features";
        /// <summary>Default name of the generator's latent column.</summary>
        public const string LatentColumnName = "Latent";
        /// <summary>Latent vector length of the paper.</summary>
        public const int LatentSize = 100;
        /// <summary>Generator base width of pytorch/examples (<c>ngf</c>).</summary>
        public const int GeneratorWidth = 64;
        /// <summary>Discriminator base width of pytorch/examples (<c>ndf</c>).</summary>
        public const int DiscriminatorWidth = 64;
        /// <summary>Passes over the training data.</summary>
        public const int Epochs = 10;
        /// <summary>Mini-batch size of the paper.</summary>
        public const int BatchSize = 64;
        /// <summary>Adam learning rate of the paper.</summary>
        public const double LearningRate = 2e-4;
        /// <summary>Adam β1 of the paper.</summary>
        public const double Beta1 = 0.5;
        /// <summary>Adam β2 (PyTorch's default).</summary>
        public const double Beta2 = 0.999;
        /// <summary>Decay of the generator's weight average (0 for none).</summary>
        public const double GeneratorAverageDecay = 0.999;
        /// <summary>Side of the grid each hidden discriminator map is max-pooled to for <c>Features</c>.</summary>
        public const int FeatureGrid = 4;
        /// <summary>Images in each epoch's sample grid.</summary>
        public const int SampleCount = 64;
    }

    /// <summary>Name of the image column: a known-size Single vector, planar C×H×W, 0..255. Also the generator's output column.</summary>
    public string InputColumnName = Defaults.InputColumnName;

    /// <summary>Name of the discriminator's output column holding the probability that an image is real.</summary>
    public string ScoreColumnName = Defaults.ScoreColumnName;

    /// <summary>Name of the discriminator's output column holding the pooled hidden maps.</summary>
    public string FeaturesColumnName = Defaults.FeaturesColumnName;

    /// <summary>Name of the generator's input column of latent vectors.</summary>
    public string LatentColumnName = Defaults.LatentColumnName;

    /// <summary>When set, the generator also outputs its images as an MLImage column of this name (for SaveAsJpeg, ResizeImages, …).</summary>
    public string? GeneratorImageColumnName;

    /// <summary>The image shape; null to take it from the column (its dimensions, or a square of 1 or 3 channels).</summary>
    public ImageShape? ImageShape;

    /// <summary>Length of the latent vector.</summary>
    public int LatentSize = Defaults.LatentSize;

    /// <summary>Channels of the generator's last hidden map; the others are multiples of it.</summary>
    public int GeneratorWidth = Defaults.GeneratorWidth;

    /// <summary>Channels of the discriminator's first hidden map; the others are multiples of it.</summary>
    public int DiscriminatorWidth = Defaults.DiscriminatorWidth;

    /// <summary>Passes over the training data.</summary>
    public int Epochs = Defaults.Epochs;

    /// <summary>Images per step; an incomplete last batch of an epoch is left out (batch norm needs full batches).</summary>
    public int BatchSize = Defaults.BatchSize;

    /// <summary>Adam learning rate of both networks.</summary>
    public double LearningRate = Defaults.LearningRate;

    /// <summary>Adam β1 of both networks.</summary>
    public double Beta1 = Defaults.Beta1;

    /// <summary>Adam β2 of both networks.</summary>
    public double Beta2 = Defaults.Beta2;

    /// <summary>
    /// Decay of an exponential moving average of the generator's weights, ramped up from 0 over the first steps; the
    /// averaged generator is the one that samples and is exported. 0 turns it off (the paper has none).
    /// </summary>
    public double GeneratorAverageDecay = Defaults.GeneratorAverageDecay;

    /// <summary>Side of the grid each hidden discriminator map is max-pooled to for the features column.</summary>
    public int FeatureGrid = Defaults.FeatureGrid;

    /// <summary>Seed of weights, latents and data order; null to take one from the MLContext (whose seed fixes it).</summary>
    public int? Seed;

    /// <summary>Threads libtorch may use; null leaves libtorch's choice.</summary>
    public int? TorchThreads;

    /// <summary>
    /// Where training writes, after every epoch, a sample grid (samples/epoch-NNN.png), history.csv, report.html and
    /// checkpoint/training-state.bin (the full training state, for <see cref="Resume"/>); null writes nothing.
    /// </summary>
    public string? TrainingDirectory;

    /// <summary>Whether to continue from the checkpoint in <see cref="TrainingDirectory"/> when there is one.</summary>
    public bool Resume;

    /// <summary>Images in each epoch's sample grid (the same latents every epoch, so the grids show progress).</summary>
    public int SampleCount = Defaults.SampleCount;

    /// <summary>Receives a report after every training step.</summary>
    public IProgress<GanTrainingProgress>? Progress;

    /// <summary>Stops training after the current step; with a training directory, the checkpoint is written first.</summary>
    public CancellationToken CancellationToken;

    /// <summary>Throws when an option is out of its range, naming it.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(InputColumnName, nameof(InputColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(ScoreColumnName, nameof(ScoreColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(FeaturesColumnName, nameof(FeaturesColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(LatentColumnName, nameof(LatentColumnName));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LatentSize, nameof(LatentSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(GeneratorWidth, nameof(GeneratorWidth));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(DiscriminatorWidth, nameof(DiscriminatorWidth));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 2, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        if (Beta1 is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Beta1), Beta1, "Beta1 must be in [0, 1).");
        }
        if (Beta2 is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Beta2), Beta2, "Beta2 must be in [0, 1).");
        }
        if (GeneratorAverageDecay is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(GeneratorAverageDecay), GeneratorAverageDecay, "GeneratorAverageDecay must be in [0, 1).");
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(FeatureGrid, nameof(FeatureGrid));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SampleCount, nameof(SampleCount));
        if (TorchThreads is { } threads)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads, nameof(TorchThreads));
        }
        if (Resume && TrainingDirectory is null)
        {
            throw new ArgumentException("Resume needs a TrainingDirectory to find the checkpoint in.", nameof(Resume));
        }
        if (new[] { InputColumnName, ScoreColumnName, FeaturesColumnName }.Distinct().Count() != 3
            || LatentColumnName == InputColumnName)
        {
            throw new ArgumentException("The input, score, features and latent column names must differ (the latent name may equal score or features).");
        }
    }
}
