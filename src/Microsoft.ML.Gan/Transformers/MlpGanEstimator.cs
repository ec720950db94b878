using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;

namespace Microsoft.ML.Gan;

/// <summary>
/// Trains the original GAN (Goodfellow et al. 2014) with multilayer perceptrons on flattened images and returns it as
/// a <see cref="GanTransformer"/>. Created by <c>mlContext.Transforms.Gan.TrainGan</c>.
/// </summary>
/// <remarks>
/// Input column: a known-size vector of <see cref="float"/>, planar C×H×W with values 0..255, as ExtractPixels gives with
/// its defaults; any image size. Output columns: <c>Score</c>, a vector of one <see cref="float"/>, and <c>Features</c>
/// (the discriminator's hidden activations, concatenated).
/// </remarks>
public sealed class MlpGanEstimator : GanTrainerEstimator
{
    private readonly MlpGanOptions _options;

    internal MlpGanEstimator(TransformsCatalog catalog, MlpGanOptions options) : base(catalog, options) => _options = options;

    internal override GanArchitecture Plan(ImageShape image) => new MlpGanArchitecture(
        MlpLayout.For(image, _options.LatentSize, _options.GeneratorWidth, _options.DiscriminatorWidth),
        _options.SpectralNormalization);
}
