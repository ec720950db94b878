using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan;

/// <summary>Options of <see cref="DigitClassifierEstimator"/>: the columns, the classes and the training schedule.</summary>
public sealed class DigitClassifierOptions
{
    /// <summary>The default values of the options.</summary>
    public static class Defaults
    {
        /// <summary>Default name of the image column.</summary>
        public const string InputColumnName = "Pixels";
        /// <summary>Default name of the label column.</summary>
        public const string LabelColumnName = "Label";
        /// <summary>Default name of the class probabilities column.</summary>
        public const string ProbabilitiesColumnName = "Probabilities";
        /// <summary>Default name of the features column.</summary>
        public const string FeaturesColumnName = "Features";
        /// <summary>Number of classes: the ten digits.</summary>
        public const int ClassCount = 10;
        /// <summary>Passes over the training data.</summary>
        public const int Epochs = 5;
        /// <summary>Images per step.</summary>
        public const int BatchSize = 64;
        /// <summary>Adam learning rate.</summary>
        public const double LearningRate = 1e-3;
        /// <summary>Smallest class probability that makes an unlabelled image's predicted class its pseudo-label (FixMatch's 0.95).</summary>
        public const double PseudoLabelConfidence = 0.95;
    }

    /// <summary>Name of the image column: a known-size Single vector, planar C×H×W, 0..255.</summary>
    public string InputColumnName = Defaults.InputColumnName;

    /// <summary>Name of the label column: a number holding the class index, 0 to <see cref="ClassCount"/> − 1 (as <c>LoadIdx</c> gives).</summary>
    public string LabelColumnName = Defaults.LabelColumnName;

    /// <summary>Name of the output column holding the class probabilities (a vector of <see cref="ClassCount"/> Single values).</summary>
    public string ProbabilitiesColumnName = Defaults.ProbabilitiesColumnName;

    /// <summary>Name of the output column holding the penultimate layer's activations, the features of the Fréchet distance.</summary>
    public string FeaturesColumnName = Defaults.FeaturesColumnName;

    /// <summary>Number of classes.</summary>
    public int ClassCount = Defaults.ClassCount;

    /// <summary>The image shape; null to take it from the column (its dimensions, or a square of 1 or 3 channels).</summary>
    public ImageShape? ImageShape;

    /// <summary>Passes over the training data.</summary>
    public int Epochs = Defaults.Epochs;

    /// <summary>Images per step.</summary>
    public int BatchSize = Defaults.BatchSize;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate = Defaults.LearningRate;

    /// <summary>
    /// Strength of the random deformation of every training image (0, the default, for none): at 1, each image is
    /// rotated by up to ±15°, scaled by ×0.85 to ×1.17, sheared by up to ±0.3, shifted by up to 6% of its side and
    /// elastically distorted, each drawn anew at every step. It helps a classifier read images drawn differently from
    /// its training images, e.g. a Domain Transfer Network's f trained on printed digits and applied to handwriting.
    /// </summary>
    public double Deformation;

    /// <summary>
    /// Images without labels, e.g. of the domain the classifier will read (a Domain Transfer Network's target), for
    /// self-training (pseudo-labels, as in FixMatch): after the first epoch, every step also takes a batch of them, and
    /// those the classifier, undeformed, gives a class with probability <see cref="PseudoLabelConfidence"/> or more are
    /// trained towards that class, deformed like the labelled images. The probabilities are first aligned to the
    /// labelled images' class frequencies (ReMixMatch), so the unlabelled images should hold the classes about as often
    /// as the labelled ones. Labels are never read from this data. Null (the default) trains on the labelled images alone.
    /// </summary>
    public IDataView? UnlabelledImages;

    /// <summary>The image column of <see cref="UnlabelledImages"/>, of the labelled images' shape; null for <see cref="InputColumnName"/>.</summary>
    public string? UnlabelledColumnName;

    /// <summary>Smallest class probability that makes an unlabelled image's predicted class its pseudo-label, above 0 and at most 1.</summary>
    public double PseudoLabelConfidence = Defaults.PseudoLabelConfidence;

    /// <summary>Seed of weights and data order; null to take one from the MLContext (whose seed fixes it).</summary>
    public int? Seed;

    /// <summary>Threads libtorch may use; null leaves libtorch's choice.</summary>
    public int? TorchThreads;

    /// <summary>Stops training after the current step.</summary>
    public CancellationToken CancellationToken;

    /// <summary>Throws when an option is out of its range, naming it.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(InputColumnName, nameof(InputColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(LabelColumnName, nameof(LabelColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(ProbabilitiesColumnName, nameof(ProbabilitiesColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(FeaturesColumnName, nameof(FeaturesColumnName));
        ArgumentOutOfRangeException.ThrowIfLessThan(ClassCount, 2, nameof(ClassCount));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        ArgumentOutOfRangeException.ThrowIfNegative(Deformation, nameof(Deformation));
        if (PseudoLabelConfidence is not (> 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(PseudoLabelConfidence), PseudoLabelConfidence, "PseudoLabelConfidence must be above 0 and at most 1.");
        }
        if (TorchThreads is { } threads)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads, nameof(TorchThreads));
        }
        if (UnlabelledColumnName is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(UnlabelledColumnName, nameof(UnlabelledColumnName));
        }
        if (!double.IsFinite(Deformation))
        {
            throw new ArgumentOutOfRangeException(nameof(Deformation), Deformation, "Deformation must be a finite number, 0 or more.");
        }
        if (new[] { InputColumnName, LabelColumnName, ProbabilitiesColumnName, FeaturesColumnName }.Distinct().Count() != 4)
        {
            throw new ArgumentException(
                $"The input, label, probabilities and features column names must differ; found '{InputColumnName}', '{LabelColumnName}', '{ProbabilitiesColumnName}', '{FeaturesColumnName}'.");
        }
    }
}
