using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan;

public sealed partial class GanCatalog
{
    /// <summary>
    /// Trains a progressively grown GAN (Karras et al. 2017) on an image column: both networks start at 4×4 and double
    /// together to the image's side, every new block fading in.
    /// </summary>
    /// <param name="scoreColumnName">Name of the discriminator's score column (the sigmoid of the critic).</param>
    /// <param name="featuresColumnName">Name of the discriminator's features column (every block's output max-pooled to 4×4).</param>
    /// <param name="inputColumnName">Name of the image column: a known-size Single vector, planar C×H×W, 0..255.</param>
    /// <param name="imagesPerPhase">Real images shown in every stabilisation and every fade-in phase.</param>
    /// <param name="batchSize">Images per step at every resolution.</param>
    /// <param name="imageShape">The image shape, or null to take it from the column.</param>
    /// <param name="trainingDirectory">Where to write sample grids per growth phase, history, report and checkpoints; null for none.</param>
    /// <returns>An estimator whose transformer is the trained discriminator, with the generator beside it.</returns>
    /// <remarks>
    /// <para>Input: <paramref name="inputColumnName"/>, a known-size vector of Single (ExtractPixels' defaults give it);
    /// square images whose side is a power of two from 8 to 128, 1 or 3 channels.</para>
    /// <para>Output: <paramref name="scoreColumnName"/>, a vector of one Single; <paramref name="featuresColumnName"/>,
    /// a known-size vector of Single. The generator maps <c>Latent</c> (512 values by default) to <c>Pixels</c>.</para>
    /// </remarks>
    public ProgressiveGanEstimator TrainProgressiveGan(
        string scoreColumnName = GanTrainerOptions.Defaults.ScoreColumnName,
        string featuresColumnName = GanTrainerOptions.Defaults.FeaturesColumnName,
        string inputColumnName = GanTrainerOptions.Defaults.InputColumnName,
        long imagesPerPhase = ProgressiveGanOptions.ProgressiveDefaults.ImagesPerStabilizePhase,
        int batchSize = ProgressiveGanOptions.ProgressiveDefaults.BatchSize,
        ImageShape? imageShape = null,
        string? trainingDirectory = null) =>
        TrainProgressiveGan(new ProgressiveGanOptions
        {
            ScoreColumnName = scoreColumnName,
            FeaturesColumnName = featuresColumnName,
            InputColumnName = inputColumnName,
            ImagesPerStabilizePhase = imagesPerPhase,
            ImagesPerFadePhase = imagesPerPhase,
            BatchSize = batchSize,
            ImageShape = imageShape,
            TrainingDirectory = trainingDirectory,
        });

    /// <summary>Trains a progressively grown GAN on an image column with all options.</summary>
    /// <param name="options">The options; see <see cref="ProgressiveGanOptions"/>.</param>
    /// <returns>An estimator whose transformer is the trained discriminator, with the generator beside it.</returns>
    public ProgressiveGanEstimator TrainProgressiveGan(ProgressiveGanOptions options) => new(_transforms, options);
}
