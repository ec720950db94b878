using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan;

/// <summary>
/// Options of <see cref="DeduplicationEstimator"/>: the columns, the denoising autoencoder's training and how its code
/// becomes a hash. The defaults follow the DCGAN paper (Radford et al. 2015, section 4.1.1): a 32×32 centre crop, 128
/// ReLU code units, the code binarised at 0 and exact hash buckets.
/// </summary>
public sealed class DeduplicationOptions
{
    /// <summary>The default values of the options.</summary>
    public static class Defaults
    {
        /// <summary>Default name of the image column.</summary>
        public const string InputColumnName = "Pixels";
        /// <summary>Default name of the group column.</summary>
        public const string GroupColumnName = "DuplicateGroup";
        /// <summary>Default name of the duplicate flag column.</summary>
        public const string IsDuplicateColumnName = "IsDuplicate";
        /// <summary>Passes over the training data: about 10 seconds with one thread on 10,000 MNIST digits.</summary>
        public const int Epochs = 10;
        /// <summary>Images per step.</summary>
        public const int BatchSize = 64;
        /// <summary>Adam learning rate.</summary>
        public const double LearningRate = 1e-3;
        /// <summary>Standard deviation of the Gaussian noise added to the input while training, in units of the full 0..255 range.</summary>
        public const double InputNoise = 0.3;
        /// <summary>Probability that dropout zeroes a code unit while training.</summary>
        public const double Dropout = 0.5;
        /// <summary>A code unit's bit is 1 when its ReLU activation is above this: the paper's threshold.</summary>
        public const float CodeThreshold = 0;
        /// <summary>Bits in which matching hashes may differ: none, the paper's exact buckets.</summary>
        public const int MaxHammingDistance = 0;
        /// <summary>Shift, in pixels, of the shifted copies whose hashes are also looked up: none, as in the paper.</summary>
        public const int ShiftTolerance = 0;
    }

    /// <summary>Side of the centre crop the autoencoder reads (the paper's 32×32).</summary>
    public const int CropSide = 32;

    /// <summary>Code units of the autoencoder, hence bits of the hash (the paper's 128).</summary>
    public const int CodeSize = 128;

    /// <summary>Name of the image column: a known-size Single vector, planar C×H×W, 0..255.</summary>
    public string InputColumnName = Defaults.InputColumnName;

    /// <summary>Name of the output column holding each row's group: a UInt32, 0-based, numbered in order of each group's first row.</summary>
    public string GroupColumnName = Defaults.GroupColumnName;

    /// <summary>Name of the output column that is true for every row of a group except its first (the one kept).</summary>
    public string IsDuplicateColumnName = Defaults.IsDuplicateColumnName;

    /// <summary>The image shape; null to take it from the column (its dimensions, or a square of 1 or 3 channels).</summary>
    public ImageShape? ImageShape;

    /// <summary>Passes over the training data.</summary>
    public int Epochs = Defaults.Epochs;

    /// <summary>Images per step.</summary>
    public int BatchSize = Defaults.BatchSize;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate = Defaults.LearningRate;

    /// <summary>
    /// Standard deviation of the Gaussian noise added to the autoencoder's input while training (the denoising), as a
    /// fraction of the 0..255 range; 0 for a plain autoencoder.
    /// </summary>
    public double InputNoise = Defaults.InputNoise;

    /// <summary>Probability that dropout zeroes a code unit while training (the regularisation); 0 for none.</summary>
    public double Dropout = Defaults.Dropout;

    /// <summary>A code unit's bit is 1 when its ReLU activation is above this threshold (unless <see cref="ThresholdAtUnitMean"/>).</summary>
    public float CodeThreshold = Defaults.CodeThreshold;

    /// <summary>
    /// Whether to threshold each code unit at its mean activation over the training images instead of at
    /// <see cref="CodeThreshold"/>. Units that learn to stay active on every image (as they do on images with a bright
    /// background, such as emoji on white) give the same bit for every image at a fixed threshold; at their mean they
    /// split the images.
    /// </summary>
    public bool ThresholdAtUnitMean;

    /// <summary>
    /// Bits in which two hashes may differ and still match (0, 1 or 2): 0 is the paper's exact buckets; 1 looks each
    /// image up under 129 keys, 2 under 8,257 (still linear in the rows).
    /// </summary>
    public int MaxHammingDistance = Defaults.MaxHammingDistance;

    /// <summary>
    /// Also matches an image with another whose hash equals that of the image shifted by up to this many pixels along
    /// each axis (edge pixels repeated), so that copies moved by a pixel or two are found: (2s + 1)² hashes per image.
    /// 0, the paper's hashing, looks up the image's own hash only.
    /// </summary>
    public int ShiftTolerance = Defaults.ShiftTolerance;

    /// <summary>Seed of weights, noise, dropout and data order; null to take one from the MLContext (whose seed fixes it).</summary>
    public int? Seed;

    /// <summary>Threads libtorch may use; null leaves libtorch's choice.</summary>
    public int? TorchThreads;

    /// <summary>Stops training after the current step.</summary>
    public CancellationToken CancellationToken;

    /// <summary>Throws when an option is out of its range, naming it.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(InputColumnName, nameof(InputColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(GroupColumnName, nameof(GroupColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(IsDuplicateColumnName, nameof(IsDuplicateColumnName));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        ArgumentOutOfRangeException.ThrowIfNegative(InputNoise, nameof(InputNoise));
        if (Dropout is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Dropout must be in [0, 1).");
        }
        if (!float.IsFinite(CodeThreshold) || CodeThreshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(CodeThreshold), CodeThreshold, "CodeThreshold must be finite and not negative (ReLU activations are never negative).");
        }
        if (MaxHammingDistance is < 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxHammingDistance), MaxHammingDistance, "MaxHammingDistance must be 0, 1 or 2.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(ShiftTolerance, nameof(ShiftTolerance));
        if (TorchThreads is { } threads)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads, nameof(TorchThreads));
        }
        if (new[] { InputColumnName, GroupColumnName, IsDuplicateColumnName }.Distinct().Count() != 3)
        {
            throw new ArgumentException(
                $"The input, group and duplicate flag column names must differ; found '{InputColumnName}', '{GroupColumnName}', '{IsDuplicateColumnName}'.");
        }
    }
}
