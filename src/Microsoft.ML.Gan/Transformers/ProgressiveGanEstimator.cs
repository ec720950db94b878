using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Networks.Progressive;
using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan;

/// <summary>
/// Trains a progressively grown GAN (Karras, Aila, Laine and Lehtinen 2017) on an image column and returns it as a
/// <see cref="GanTransformer"/>. Both networks start at 4×4 and double together to the image's side, each new block
/// fading in; equalized learning rate, pixel norm in the generator, minibatch standard deviation in the
/// discriminator, WGAN-GP with drift. Created by <c>mlContext.Transforms.Gan.TrainProgressiveGan</c>.
/// </summary>
/// <remarks>
/// Input column: a known-size vector of <see cref="float"/>, planar C×H×W with values 0..255, as ExtractPixels gives with
/// its defaults; square, a power of two from 8 to 128. Output columns: <c>Score</c>, a vector of one <see cref="float"/>
/// (the sigmoid of the critic), and <c>Features</c> (every discriminator block's output max-pooled to 4×4,
/// concatenated). The generator maps <c>Latent</c> to <c>Pixels</c> at the final resolution.
/// </remarks>
public sealed class ProgressiveGanEstimator : GanTrainerEstimator
{
    private readonly ProgressiveGanOptions _options;

    internal ProgressiveGanEstimator(TransformsCatalog catalog, ProgressiveGanOptions options) : base(catalog, options) => _options = options;

    internal override GanArchitecture Plan(ImageShape image) => new ProgressiveGanArchitecture(
        ProgressiveLayout.For(image, _options.LatentSize, _options.FeatureMapBase, _options.FeatureMapMax));

    internal override GrowthSchedule Growth(GanArchitecture architecture)
    {
        var lastLevel = ((ProgressiveGanArchitecture)architecture).Layout.LastLevel;
        var batchSizes = Enumerable.Range(0, lastLevel + 1)
            .Select(level => _options.BatchSizes.GetValueOrDefault(ProgressiveLayout.Side(level), _options.BatchSize)).ToArray();
        return new GrowthSchedule(lastLevel, _options.ImagesPerStabilizePhase, _options.ImagesPerFadePhase, batchSizes, _options.BatchSize);
    }
}
