using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan;

/// <summary>
/// Options every GAN trainer of this library shares: columns, data, optimisation, loss, regularisation and the training
/// experience. The defaults are the DCGAN paper's settings (Adam 2e-4, β1 0.5, batch 64, non-saturating loss), which
/// are also the classic MLP GAN's.
/// </summary>
public abstract class GanTrainerOptions
{
    /// <summary>The default values of the shared options.</summary>
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
        /// <summary>Latent vector length of the papers.</summary>
        public const int LatentSize = 100;
        /// <summary>Passes over the training data.</summary>
        public const int Epochs = 10;
        /// <summary>Mini-batch size of the DCGAN paper.</summary>
        public const int BatchSize = 64;
        /// <summary>Adam learning rate of the DCGAN paper, for both networks.</summary>
        public const double LearningRate = 2e-4;
        /// <summary>Adam β1 of the DCGAN paper.</summary>
        public const double Beta1 = 0.5;
        /// <summary>Adam β2 (PyTorch's default).</summary>
        public const double Beta2 = 0.999;
        /// <summary>The loss of the papers.</summary>
        public const GanLoss Loss = GanLoss.NonSaturating;
        /// <summary>λ of WGAN-GP.</summary>
        public const double GradientPenaltyWeight = 10;
        /// <summary>Weight of the Wasserstein critic's drift term (none in WGAN-GP; 0.001 in Karras et al. 2017).</summary>
        public const double WassersteinDriftWeight = 0;
        /// <summary>Discriminator steps per generator step (n_critic); 1 is the papers' alternation.</summary>
        public const int CriticSteps = 1;
        /// <summary>The latent distribution of DCGAN.</summary>
        public const LatentDistribution LatentDistribution = Gan.LatentDistribution.Normal;
        /// <summary>Decay of the generator's weight average (0 for none).</summary>
        public const double GeneratorAverageDecay = 0.999;
        /// <summary>Images in each epoch's sample grid.</summary>
        public const int SampleCount = 64;
        /// <summary>Epochs between two evaluations of <see cref="QualityMetric"/>.</summary>
        public const int QualityEvaluationInterval = 1;
        /// <summary>Images generated for each evaluation of <see cref="QualityMetric"/>.</summary>
        public const int QualitySampleCount = 1000;
    }

    private protected GanTrainerOptions()
    {
    }

    /// <summary>Name of the image column: a known-size Single vector, planar C×H×W, 0..255. Also the generator's output column.</summary>
    public string InputColumnName = Defaults.InputColumnName;

    /// <summary>Name of the discriminator's output column: the sigmoid of its output (the probability that an image is real, for the probabilistic losses).</summary>
    public string ScoreColumnName = Defaults.ScoreColumnName;

    /// <summary>Name of the discriminator's output column holding its hidden activations.</summary>
    public string FeaturesColumnName = Defaults.FeaturesColumnName;

    /// <summary>Name of the generator's input column of latent vectors.</summary>
    public string LatentColumnName = Defaults.LatentColumnName;

    /// <summary>When set, the generator also outputs its images as an MLImage column of this name (for SaveAsJpeg, ResizeImages, …).</summary>
    public string? GeneratorImageColumnName;

    /// <summary>The image shape; null to take it from the column (its dimensions, or a square of 1 or 3 channels).</summary>
    public ImageShape? ImageShape;

    /// <summary>Length of the latent vector.</summary>
    public int LatentSize = Defaults.LatentSize;

    /// <summary>The distribution latent vectors are drawn from in training; the generator transformer's latents follow it.</summary>
    public LatentDistribution LatentDistribution = Defaults.LatentDistribution;

    /// <summary>Passes over the training data.</summary>
    public int Epochs = Defaults.Epochs;

    /// <summary>Images per step; an incomplete last batch of an epoch is left out (batch norm needs full batches).</summary>
    public int BatchSize = Defaults.BatchSize;

    /// <summary>Adam learning rate of the generator.</summary>
    public double GeneratorLearningRate = Defaults.LearningRate;

    /// <summary>Adam learning rate of the discriminator; a different value from the generator's is the two time-scale update rule (TTUR).</summary>
    public double DiscriminatorLearningRate = Defaults.LearningRate;

    /// <summary>Adam β1 of both networks.</summary>
    public double Beta1 = Defaults.Beta1;

    /// <summary>Adam β2 of both networks.</summary>
    public double Beta2 = Defaults.Beta2;

    /// <summary>The adversarial loss.</summary>
    public GanLoss Loss = Defaults.Loss;

    /// <summary>Weight λ of the gradient penalty of <see cref="GanLoss.Wasserstein"/> (unused by the other losses).</summary>
    public double GradientPenaltyWeight = Defaults.GradientPenaltyWeight;

    /// <summary>
    /// Weight ε_drift of the drift term ε_drift·E[D(x)²] added to the critic's loss of <see cref="GanLoss.Wasserstein"/>,
    /// which keeps its outputs from drifting far from zero (unused by the other losses).
    /// </summary>
    public double WassersteinDriftWeight = Defaults.WassersteinDriftWeight;

    /// <summary>
    /// Discriminator steps per generator step (n_critic; WGAN-GP uses 5). Each discriminator step takes a batch, so a
    /// step of the training loop is one batch and the generator is updated on every <see cref="CriticSteps"/>-th one.
    /// </summary>
    public int CriticSteps = Defaults.CriticSteps;

    /// <summary>
    /// Whether the discriminator's layers are spectrally normalised (Miyato et al. 2018): each weight is divided by its
    /// largest singular value, estimated by one power iteration per training forward pass; the exported graph holds
    /// the normalised weights.
    /// </summary>
    public bool SpectralNormalization;

    /// <summary>
    /// Decay of an exponential moving average of the generator's weights, ramped up from 0 over the first steps; the
    /// averaged generator is the one that samples and is exported. 0 turns it off (the papers have none).
    /// </summary>
    public double GeneratorAverageDecay = Defaults.GeneratorAverageDecay;

    /// <summary>
    /// Decay of an exponential moving average of the discriminator's weights, ramped up like the generator's. The
    /// averaged discriminator is the one exported (its <c>Score</c> and <c>Features</c>), so that the features follow the
    /// last stretch of training rather than its last step. The training game itself always uses the live discriminator.
    /// 0 (the default) turns it off.
    /// </summary>
    public double DiscriminatorAverageDecay;

    /// <summary>
    /// Trains the generator by feature matching (Salimans et al. 2016) in place of the loss's generator term: it
    /// minimises the squared distance between the means, over a batch, of the discriminator's last hidden layer for real
    /// and for generated images, ‖E f(x) − E f(G(z))‖² (averaged over the features). The discriminator trains as the
    /// loss says. The DCGAN and the MLP GAN; false (the default, the papers' choice) for the loss's own term.
    /// </summary>
    public bool GeneratorFeatureMatching;

    /// <summary>
    /// DiffAugment translation (Zhao et al. 2020): every image the discriminator sees, real or generated, in both steps,
    /// is shifted by a random whole number of pixels up to this many along each axis (black coming in from the edge).
    /// The discriminator then learns features that do not depend on where a shape sits, and cannot win by position
    /// alone. 0 turns it off (the papers have none).
    /// </summary>
    public int DiscriminatorTranslation;

    /// <summary>
    /// Keep-best: a quality score of generated images, higher is better (e.g. a classifier score). When set, every
    /// <see cref="QualityEvaluationInterval"/> epochs <see cref="QualitySampleCount"/> images are generated from fixed
    /// latents by the sampling generator (the weight average when there is one) and passed as a data view with the
    /// image column (<see cref="InputColumnName"/>, planar C×H×W, 0..255); the generator of the best score so far is kept
    /// (in the checkpoint too) and is the one exported. GAN quality is not monotonic in training, so the last generator
    /// is often not the best.
    /// </summary>
    public Func<IDataView, double>? QualityMetric;

    /// <summary>Epochs between two evaluations of <see cref="QualityMetric"/> (the last epoch is always evaluated).</summary>
    public int QualityEvaluationInterval = Defaults.QualityEvaluationInterval;

    /// <summary>Images generated for each evaluation of <see cref="QualityMetric"/>.</summary>
    public int QualitySampleCount = Defaults.QualitySampleCount;

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

    /// <summary>
    /// A budget of training time: training stops cleanly at the first epoch boundary after it (with the usual outputs
    /// and checkpoint, so it can be resumed); null trains all <see cref="Epochs"/>.
    /// </summary>
    public TimeSpan? TimeLimit;

    /// <summary>Sets the options that <paramref name="preset"/> names; every other option keeps its value.</summary>
    /// <param name="preset">The preset to apply.</param>
    public virtual void ApplyPreset(GanPreset preset)
    {
        switch (preset)
        {
            case GanPreset.Paper:
                GeneratorAverageDecay = 0;
                BatchSize = Defaults.BatchSize;
                break;
            case GanPreset.Recommended:
                GeneratorAverageDecay = Defaults.GeneratorAverageDecay;
                BatchSize = RecommendedBatchSize;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(preset), preset, "Expected Paper or Recommended.");
        }
    }

    /// <summary>Batch size of <see cref="GanPreset.Recommended"/>: more, smaller steps per epoch.</summary>
    private const int RecommendedBatchSize = 32;

    /// <summary>Throws when an option is out of its range, naming it.</summary>
    internal virtual void Validate()
    {
        if (TimeLimit is { } limit && limit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeLimit), limit, "TimeLimit must be positive.");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(InputColumnName, nameof(InputColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(ScoreColumnName, nameof(ScoreColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(FeaturesColumnName, nameof(FeaturesColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(LatentColumnName, nameof(LatentColumnName));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LatentSize, nameof(LatentSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 2, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(GeneratorLearningRate, nameof(GeneratorLearningRate));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(DiscriminatorLearningRate, nameof(DiscriminatorLearningRate));
        CheckFraction(Beta1, nameof(Beta1));
        CheckFraction(Beta2, nameof(Beta2));
        CheckFraction(GeneratorAverageDecay, nameof(GeneratorAverageDecay));
        CheckFraction(DiscriminatorAverageDecay, nameof(DiscriminatorAverageDecay));
        if (!Enum.IsDefined(Loss))
        {
            throw new ArgumentOutOfRangeException(nameof(Loss), Loss, "Loss must be one of the GanLoss values.");
        }
        if (!Enum.IsDefined(LatentDistribution))
        {
            throw new ArgumentOutOfRangeException(nameof(LatentDistribution), LatentDistribution, "LatentDistribution must be one of its values.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(GradientPenaltyWeight, nameof(GradientPenaltyWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(WassersteinDriftWeight, nameof(WassersteinDriftWeight));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CriticSteps, nameof(CriticSteps));
        ArgumentOutOfRangeException.ThrowIfNegative(DiscriminatorTranslation, nameof(DiscriminatorTranslation));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SampleCount, nameof(SampleCount));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(QualityEvaluationInterval, nameof(QualityEvaluationInterval));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(QualitySampleCount, nameof(QualitySampleCount));
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

    private static void CheckFraction(double value, string name)
    {
        if (value is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1).");
        }
    }
}
