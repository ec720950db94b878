using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Onnx;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// DCGAN's convolutional networks for one <see cref="DcganLayout"/>; the discriminator's regularisation as
/// <see cref="DcganDiscriminator(DcganLayout, bool, int, bool, double)"/> takes it.
/// </summary>
internal sealed class DcganArchitecture(DcganLayout layout, int featureGrid, bool spectralNormalization, bool batchNorm, double dropout)
    : GanArchitecture
{
    /// <inheritdoc/>
    public override ImageShape Image => layout.Image;

    /// <inheritdoc/>
    public override int LatentSize => layout.LatentSize;

    /// <inheritdoc/>
    public override string Title => $"DCGAN {layout.Image}";

    /// <inheritdoc/>
    public override string Identity =>
        $"{Title}, latent {layout.LatentSize}, widths {layout.GeneratorWidth}/{layout.DiscriminatorWidth}, spectral norm {spectralNormalization}" +
        (batchNorm ? "" : ", D without batch norm") + (dropout > 0 ? $", D dropout {dropout}" : "");

    /// <inheritdoc/>
    public override int FeatureCount => layout.FeatureCount(featureGrid);

    /// <inheritdoc/>
    public override Module<Tensor, Tensor> CreateGenerator() => new DcganGenerator(layout);

    /// <inheritdoc/>
    public override Module<Tensor, Tensor> CreateDiscriminator() => new DcganDiscriminator(layout, spectralNormalization, batchNorm: batchNorm, dropout: dropout);

    /// <inheritdoc/>
    public override byte[] ExportGenerator(Module<Tensor, Tensor> generator, string latentColumn, string pixelsColumn) =>
        DcganOnnxExport.Generator((DcganGenerator)generator, latentColumn, pixelsColumn);

    /// <inheritdoc/>
    public override byte[] ExportDiscriminator(Module<Tensor, Tensor> discriminator, string pixelsColumn, string scoreColumn, string featuresColumn) =>
        DcganOnnxExport.Discriminator((DcganDiscriminator)discriminator, pixelsColumn, scoreColumn, featuresColumn, featureGrid);
}
