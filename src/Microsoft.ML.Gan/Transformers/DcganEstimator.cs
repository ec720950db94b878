using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;

namespace Microsoft.ML.Gan;

/// <summary>
/// Trains a DCGAN (Radford, Metz and Chintala 2015) on an image column and returns it as a <see cref="GanTransformer"/>.
/// Created by <c>mlContext.Transforms.Gan.TrainDcgan</c>.
/// </summary>
/// <remarks>
/// Input column: a known-size vector of <see cref="float"/>, planar C×H×W with values 0..255, as ExtractPixels gives with
/// its defaults; 1 or 3 channels; 28×28 or a power of two from 16 to 128. Output columns: <c>Score</c>, a vector of one
/// <see cref="float"/>, and <c>Features</c> (every hidden discriminator map max-pooled to 4×4, concatenated).
/// </remarks>
public sealed class DcganEstimator : GanTrainerEstimator
{
    private readonly DcganOptions _options;

    internal DcganEstimator(TransformsCatalog catalog, DcganOptions options) : base(catalog, options) => _options = options;

    internal override GanArchitecture Plan(ImageShape image) => new DcganArchitecture(
        DcganLayout.For(image, _options.LatentSize, _options.GeneratorWidth, _options.DiscriminatorWidth),
        _options.FeatureGrid, _options.SpectralNormalization, _options.DiscriminatorBatchNorm, _options.DiscriminatorDropout);
}
