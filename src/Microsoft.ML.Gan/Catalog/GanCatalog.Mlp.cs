using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan;

public sealed partial class GanCatalog
{
    /// <summary>Trains the original GAN (Goodfellow et al. 2014), multilayer perceptrons on flattened images, on an image column.</summary>
    /// <param name="scoreColumnName">Name of the discriminator's score column (probability that the image is real).</param>
    /// <param name="featuresColumnName">Name of the discriminator's features column (its hidden activations, concatenated).</param>
    /// <param name="inputColumnName">Name of the image column: a known-size Single vector, planar C×H×W, 0..255.</param>
    /// <param name="epochs">Passes over the training data.</param>
    /// <param name="batchSize">Images per step.</param>
    /// <param name="imageShape">The image shape, or null to take it from the column.</param>
    /// <param name="trainingDirectory">Where to write sample grids, history, report and checkpoints after every epoch; null for none.</param>
    /// <returns>An estimator whose transformer is the trained discriminator, with the generator beside it.</returns>
    /// <remarks>
    /// <para>Input: <paramref name="inputColumnName"/>, a known-size vector of Single (ExtractPixels' defaults give it),
    /// any number of channels and any size.</para>
    /// <para>Output: <paramref name="scoreColumnName"/>, a vector of one Single; <paramref name="featuresColumnName"/>,
    /// a known-size vector of Single (768 values with the default widths).</para>
    /// </remarks>
    public MlpGanEstimator TrainGan(
        string scoreColumnName = GanTrainerOptions.Defaults.ScoreColumnName,
        string featuresColumnName = GanTrainerOptions.Defaults.FeaturesColumnName,
        string inputColumnName = GanTrainerOptions.Defaults.InputColumnName,
        int epochs = GanTrainerOptions.Defaults.Epochs,
        int batchSize = GanTrainerOptions.Defaults.BatchSize,
        ImageShape? imageShape = null,
        string? trainingDirectory = null) =>
        TrainGan(new MlpGanOptions
        {
            ScoreColumnName = scoreColumnName,
            FeaturesColumnName = featuresColumnName,
            InputColumnName = inputColumnName,
            Epochs = epochs,
            BatchSize = batchSize,
            ImageShape = imageShape,
            TrainingDirectory = trainingDirectory,
        });

    /// <summary>Trains the original GAN on an image column with all options.</summary>
    /// <param name="options">The options; see <see cref="MlpGanOptions"/>.</param>
    /// <returns>An estimator whose transformer is the trained discriminator, with the generator beside it.</returns>
    public MlpGanEstimator TrainGan(MlpGanOptions options) => new(_transforms, options);
}
