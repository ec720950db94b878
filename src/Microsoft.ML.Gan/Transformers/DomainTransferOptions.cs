using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan;

/// <summary>
/// Options of <see cref="DomainTransferEstimator"/>, the Domain Transfer Network of Taigman, Polyak and Wolf (2016):
/// the target domain's images, the columns, the encoder f, the weights of the generator's loss terms and the
/// training schedule. <see cref="Digits"/> and <see cref="Faces"/> give the paper's weights.
/// </summary>
public sealed class DomainTransferOptions
{
    /// <summary>The default values of the options.</summary>
    public static class Defaults
    {
        /// <summary>Default name of the source image column (and of the target's).</summary>
        public const string InputColumnName = "Pixels";
        /// <summary>Default name of the output column: the transferred image.</summary>
        public const string OutputColumnName = "Transferred";
        /// <summary>α, the weight of L_CONST (the paper's digits setting).</summary>
        public const double ConstancyWeight = 15;
        /// <summary>β, the weight of L_TID (the paper's digits setting).</summary>
        public const double IdentityWeight = 15;
        /// <summary>γ, the weight of L_TV (the paper's digits setting).</summary>
        public const double TotalVariationWeight = 0;
        /// <summary>Passes over the source data.</summary>
        public const int Epochs = 10;
        /// <summary>Source images (and as many target images) per step.</summary>
        public const int BatchSize = 64;
        /// <summary>Adam learning rate of both networks.</summary>
        public const double LearningRate = 2e-4;
        /// <summary>Adam β1.</summary>
        public const double Beta1 = 0.5;
        /// <summary>Generator updates per discriminator update.</summary>
        public const int GeneratorSteps = 1;
        /// <summary>f's features standardised per domain: on, as without it g reads the two domains' features far apart.</summary>
        public const bool StandardiseFeaturesPerDomain = true;
        /// <summary>The smallest deviation of a standardised feature, as a fraction of the domain's mean deviation: 0.01.</summary>
        public const double SmallestFeatureDeviation = 0.01;
        /// <summary>What the source's standardised shape features are multiplied by: 1, as measured.</summary>
        public const double SourceShapeExaggeration = 1;
        /// <summary>Channel width of g's last hidden map and of the discriminator's first.</summary>
        public const int Width = 64;
        /// <summary>Source images in each epoch's before/after grid.</summary>
        public const int SampleCount = 32;
        /// <summary>Decay of g's weight average: 0, none (the paper has none).</summary>
        public const double GeneratorAverageDecay = 0;
    }

    /// <summary>The paper's weights for digits (SVHN → MNIST): α = β = 15, γ = 0.</summary>
    /// <param name="target">The target domain's images.</param>
    /// <returns>Options with those weights and the other defaults.</returns>
    public static DomainTransferOptions Digits(IDataView target) => new() { Target = target };

    /// <summary>The paper's weights for faces (photos → emoji): α = 100, β = 1, γ = 0.05.</summary>
    /// <param name="target">The target domain's images.</param>
    /// <returns>Options with those weights and the other defaults.</returns>
    public static DomainTransferOptions Faces(IDataView target) =>
        new() { Target = target, ConstancyWeight = 100, IdentityWeight = 1, TotalVariationWeight = 0.05 };

    /// <summary>The target domain's images (unlabelled; labels are not read), in <see cref="TargetColumnName"/>.</summary>
    public IDataView? Target;

    /// <summary>Name of the source image column, which the fitted transformer reads: a known-size Single vector, planar C×H×W, 0..255.</summary>
    public string InputColumnName = Defaults.InputColumnName;

    /// <summary>Name of the target image column: a known-size Single vector of the same height and width, 0..255.</summary>
    public string TargetColumnName = Defaults.InputColumnName;

    /// <summary>Name of the output column: G(s), the target-domain image, a known-size Single vector of the target's shape, 0..255.</summary>
    public string OutputColumnName = Defaults.OutputColumnName;

    /// <summary>Name of an MLImage column to add beside <see cref="OutputColumnName"/>; null for none.</summary>
    public string? OutputImageColumnName;

    /// <summary>The fixed encoder f; by default the feature layers of a classifier trained on the source's <c>Label</c> column.</summary>
    public DomainTransferEncoder Encoder = DomainTransferEncoder.SourceClassifier();

    /// <summary>
    /// The fixed encoder whose features L_CONST compares, ‖h(s) − h(G(s))‖²; null (the default, the paper's choice) for
    /// f itself. f has two tasks: its features must hold enough of a target image for g to redraw it (L_TID), and they
    /// must tell what G(s) has to keep. An h for the second alone may know the target domain where f cannot, such as a
    /// classifier self-trained on the target images (<see cref="DigitClassifierOptions.UnlabelledImages"/>), which
    /// reads them as well as the source's but keeps too little of them for g to redraw; or it may keep what f discards,
    /// such as an autoencoder's code of the source's tones and layout. h is built after f, from
    /// the same source, seed and device; its features are standardised per domain as f's are; and
    /// <see cref="DomainTransferTransformer.MeasureConstancy"/> measures with it.
    /// </summary>
    public DomainTransferEncoder? ConstancyEncoder;

    /// <summary>
    /// Whether L_CONST asks h to give G(s) the class it gives s, as a cross-entropy, −log softmax(h(G(s)))[argmax h(s)],
    /// in place of ‖h(s) − h(G(s))‖² (CyCADA's semantic consistency; beyond the paper). Needs a
    /// <see cref="ConstancyEncoder"/> that ends in class logits, such as
    /// <see cref="DomainTransferEncoder.SourceClassifier(DigitClassifierOptions?, bool)"/> with logits; it reads h's
    /// logits as they are, not standardised.
    /// </summary>
    public bool ConstancyOverClasses;

    /// <summary>The source image shape; null to take it from the column.</summary>
    public ImageShape? SourceShape;

    /// <summary>The target image shape; null to take it from the column.</summary>
    public ImageShape? TargetShape;

    /// <summary>α, the weight of L_CONST = ‖f(s) − f(G(s))‖².</summary>
    public double ConstancyWeight = Defaults.ConstancyWeight;

    /// <summary>β, the weight of L_TID = ‖t − G(t)‖².</summary>
    public double IdentityWeight = Defaults.IdentityWeight;

    /// <summary>γ, the weight of L_TV, the total variation of G(s).</summary>
    public double TotalVariationWeight = Defaults.TotalVariationWeight;

    /// <summary>Passes over the source data (the target data is cycled alongside).</summary>
    public int Epochs = Defaults.Epochs;

    /// <summary>Source images per step; as many target images are read.</summary>
    public int BatchSize = Defaults.BatchSize;

    /// <summary>Adam learning rate of g (and of the discriminator, unless <see cref="DiscriminatorLearningRate"/> is set).</summary>
    public double LearningRate = Defaults.LearningRate;

    /// <summary>Adam learning rate of the discriminator; null for <see cref="LearningRate"/>. Lower slows a discriminator that wins outright.</summary>
    public double? DiscriminatorLearningRate;

    /// <summary>Adam β1.</summary>
    public double Beta1 = Defaults.Beta1;

    /// <summary>
    /// Generator updates per discriminator update, each on the same pair of batches. More than one helps g keep up with
    /// a discriminator that wins outright.
    /// </summary>
    public int GeneratorSteps = Defaults.GeneratorSteps;

    /// <summary>Whether the discriminator's hidden blocks after the first have batch norm (the DCGAN paper's); false for none.</summary>
    public bool DiscriminatorBatchNorm = true;

    /// <summary>Probability of dropping each hidden discriminator activation while training; 0 for none.</summary>
    public double DiscriminatorDropout;

    /// <summary>
    /// Standardises each of the encoders' features by the statistics of its own domain before g reads them and in L_CONST: source
    /// images by the source's mean and deviation, target images and G(s) by the target's (measured over the first
    /// batches of each before training). This lines up the two domains' features, as batch norm in training mode does
    /// in implementations of the paper where each batch comes from one domain. On by default; false gives g f's
    /// features as they are.
    /// </summary>
    public bool StandardiseFeaturesPerDomain = Defaults.StandardiseFeaturesPerDomain;

    /// <summary>
    /// When features are standardised per domain, the smallest deviation σ one is divided by, as a fraction of the mean σ
    /// of that domain's features; a feature that hardly varies in a domain is divided by this instead. A small floor
    /// (the default, 0.01) keeps such features near-silent; a larger one (0.5, say) keeps L_CONST from being ruled by
    /// features that are nearly constant in a domain, such as a layout cell that is head in nearly every emoji.
    /// </summary>
    public double SmallestFeatureDeviation = Defaults.SmallestFeatureDeviation;

    /// <summary>
    /// When features are standardised per domain, what the source's standardised shape features (the width profile's
    /// bands, the silhouette's cells; <see cref="DomainTransferEncoder.SeparatesShape"/>) are multiplied by before g and
    /// L_CONST read them, in whichever of <see cref="Encoder"/> and <see cref="ConstancyEncoder"/> has them; tones are
    /// left as measured. 1 (the default) maps a source image one σ wider than the source's mean to one σ wider than the
    /// target's; 2 to two, a caricature that widens G's differences in shape where the source's own are small (faces
    /// that differ little in width, say). Must be 1 when features are not standardised or neither encoder has shape features.
    /// </summary>
    public double SourceShapeExaggeration = Defaults.SourceShapeExaggeration;

    /// <summary>Channel width of g's last hidden map and of the discriminator's first map (DCGAN's ngf and ndf).</summary>
    public int Width = Defaults.Width;

    /// <summary>
    /// Decay of an exponential moving average of g's weights, updated after every step and ramped up from 0 over the
    /// first steps; the averaged g is the one that makes the grids, the transformer and the ONNX graph. It smooths away
    /// the step-to-step noise of adversarial training. 0 (the default) turns it off.
    /// </summary>
    public double GeneratorAverageDecay = Defaults.GeneratorAverageDecay;

    /// <summary>Seed of weights and data order; null to take one from the MLContext (whose seed fixes it).</summary>
    public int? Seed;

    /// <summary>libtorch's intra-op threads for training; null leaves libtorch's default.</summary>
    public int? TorchThreads;

    /// <summary>
    /// Where training writes, after every epoch, a before/after grid (samples/epoch-NNN.png: source images, then G of
    /// them), history.csv, report.html and checkpoint/training-state.bin; null writes nothing.
    /// </summary>
    public string? TrainingDirectory;

    /// <summary>Continues from the checkpoint in <see cref="TrainingDirectory"/> (at the last completed epoch) when there is one.</summary>
    public bool Resume;

    /// <summary>Source images in each before/after grid (the same images every epoch).</summary>
    public int SampleCount = Defaults.SampleCount;

    /// <summary>Receives progress after every step: G's total loss as the generator loss, L_D as the discriminator loss.</summary>
    public IProgress<GanTrainingProgress>? Progress;

    /// <summary>Stops training after the current step; with a training directory, the last epoch's checkpoint stays.</summary>
    public CancellationToken CancellationToken;

    /// <summary>Throws when an option is out of its range, naming it.</summary>
    internal void Validate()
    {
        if (Target is null)
        {
            throw new ArgumentNullException(nameof(Target), "The Domain Transfer Network needs the target domain's images: set Target.");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(InputColumnName, nameof(InputColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(TargetColumnName, nameof(TargetColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(OutputColumnName, nameof(OutputColumnName));
        ArgumentNullException.ThrowIfNull(Encoder, nameof(Encoder));
        ArgumentOutOfRangeException.ThrowIfNegative(ConstancyWeight, nameof(ConstancyWeight));
        if (ConstancyOverClasses && ConstancyEncoder is null)
        {
            throw new ArgumentException(
                $"{nameof(ConstancyOverClasses)} needs a {nameof(ConstancyEncoder)} that ends in class logits, such as DomainTransferEncoder.SourceClassifier(logits: true).",
                nameof(ConstancyEncoder));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(IdentityWeight, nameof(IdentityWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(TotalVariationWeight, nameof(TotalVariationWeight));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        if (DiscriminatorLearningRate is { } discriminatorRate)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(discriminatorRate, nameof(DiscriminatorLearningRate));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(GeneratorSteps, nameof(GeneratorSteps));
        ArgumentOutOfRangeException.ThrowIfNegative(DiscriminatorDropout, nameof(DiscriminatorDropout));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(DiscriminatorDropout, 1, nameof(DiscriminatorDropout));
        if (!(SmallestFeatureDeviation > 0 && double.IsFinite(SmallestFeatureDeviation)))
        {
            throw new ArgumentOutOfRangeException(nameof(SmallestFeatureDeviation), SmallestFeatureDeviation,
                "The smallest feature deviation is a fraction of the mean deviation: a positive, finite number.");
        }
        if (!(SourceShapeExaggeration > 0 && double.IsFinite(SourceShapeExaggeration)))
        {
            throw new ArgumentOutOfRangeException(nameof(SourceShapeExaggeration), SourceShapeExaggeration,
                "The source's shape features are multiplied by a positive, finite number.");
        }
        if (SourceShapeExaggeration != 1 && !Encoder.SeparatesShape && ConstancyEncoder?.SeparatesShape != true)
        {
            throw new ArgumentException($"{nameof(SourceShapeExaggeration)} ({SourceShapeExaggeration}) multiplies shape features; neither f ({Encoder.Description}) nor L_CONST's encoder ({ConstancyEncoder?.Description ?? "f"}) has any: choose the width profile or the silhouette layout.",
                nameof(SourceShapeExaggeration));
        }
        if (SourceShapeExaggeration != 1 && !StandardiseFeaturesPerDomain)
        {
            throw new ArgumentException($"{nameof(SourceShapeExaggeration)} ({SourceShapeExaggeration}) multiplies standardised shape features; set {nameof(StandardiseFeaturesPerDomain)} too.",
                nameof(SourceShapeExaggeration));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Width, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfNegative(GeneratorAverageDecay, nameof(GeneratorAverageDecay));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(GeneratorAverageDecay, 1, nameof(GeneratorAverageDecay));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SampleCount, nameof(SampleCount));
        if (TorchThreads is { } threads)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads, nameof(TorchThreads));
        }
        if (Resume && TrainingDirectory is null)
        {
            throw new ArgumentException("Resume needs a TrainingDirectory to find the checkpoint in.", nameof(Resume));
        }
        if (OutputColumnName == InputColumnName || OutputImageColumnName is { } image && (image == InputColumnName || image == OutputColumnName))
        {
            throw new ArgumentException(
                $"The output column names must differ from the input and from each other; found input '{InputColumnName}', output '{OutputColumnName}', image '{OutputImageColumnName}'.");
        }
    }
}
