using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan;

/// <summary>The GAN trainers of an <see cref="MLContext"/>: <c>mlContext.Transforms.Gan</c>.</summary>
public sealed partial class GanCatalog
{
    private readonly TransformsCatalog _transforms;

    internal GanCatalog(TransformsCatalog transforms) => _transforms = transforms;

    /// <summary>Trains a DCGAN on an image column.</summary>
    /// <param name="scoreColumnName">Name of the discriminator's score column (probability that the image is real).</param>
    /// <param name="featuresColumnName">Name of the discriminator's features column (hidden maps pooled to 4×4, concatenated).</param>
    /// <param name="inputColumnName">Name of the image column: a known-size Single vector, planar C×H×W, 0..255.</param>
    /// <param name="epochs">Passes over the training data.</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="imageShape">The image shape, or null to take it from the column.</param>
    /// <param name="trainingDirectory">Where to write sample grids, history, report and checkpoints after every epoch; null for none.</param>
    /// <returns>An estimator whose transformer is the trained discriminator, with the generator beside it.</returns>
    /// <remarks>
    /// <para>Input: <paramref name="inputColumnName"/>, a known-size vector of Single (ExtractPixels' defaults give it),
    /// 1 or 3 channels, 28×28 or a power of two from 16 to 128.</para>
    /// <para>Output: <paramref name="scoreColumnName"/>, a vector of one Single; <paramref name="featuresColumnName"/>,
    /// a known-size vector of Single.</para>
    /// </remarks>
    public DcganEstimator TrainDcgan(
        string scoreColumnName = GanTrainerOptions.Defaults.ScoreColumnName,
        string featuresColumnName = GanTrainerOptions.Defaults.FeaturesColumnName,
        string inputColumnName = GanTrainerOptions.Defaults.InputColumnName,
        int epochs = GanTrainerOptions.Defaults.Epochs,
        int batchSize = GanTrainerOptions.Defaults.BatchSize,
        ImageShape? imageShape = null,
        string? trainingDirectory = null) =>
        TrainDcgan(new DcganOptions
        {
            ScoreColumnName = scoreColumnName,
            FeaturesColumnName = featuresColumnName,
            InputColumnName = inputColumnName,
            Epochs = epochs,
            BatchSize = batchSize,
            ImageShape = imageShape,
            TrainingDirectory = trainingDirectory,
        });

    /// <summary>Trains a DCGAN on an image column with all options.</summary>
    /// <param name="options">The options; see <see cref="DcganOptions"/>.</param>
    /// <returns>An estimator whose transformer is the trained discriminator, with the generator beside it.</returns>
    public DcganEstimator TrainDcgan(DcganOptions options) => new(_transforms, options);
}
