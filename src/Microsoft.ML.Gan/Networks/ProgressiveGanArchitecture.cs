using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks.Progressive;
using Microsoft.ML.Gan.Onnx;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Networks;

/// <summary>The progressively grown networks of Karras et al. 2017 for one <see cref="ProgressiveLayout"/>.</summary>
internal sealed class ProgressiveGanArchitecture(ProgressiveLayout layout) : GanArchitecture
{
    /// <summary>The layer plan.</summary>
    public ProgressiveLayout Layout => layout;

    /// <inheritdoc/>
    public override ImageShape Image => layout.Image;

    /// <inheritdoc/>
    public override int LatentSize => layout.LatentSize;

    /// <inheritdoc/>
    public override string Title => $"PGGAN {layout.Image}";

    /// <inheritdoc/>
    public override string Identity =>
        $"{Title}, latent {layout.LatentSize}, feature maps {layout.FeatureMapBase}/{layout.FeatureMapMax}";

    /// <inheritdoc/>
    public override int FeatureCount => layout.FeatureCount;

    /// <inheritdoc/>
    public override Module<Tensor, Tensor> CreateGenerator() => new ProgressiveGenerator(layout);

    /// <inheritdoc/>
    public override Module<Tensor, Tensor> CreateDiscriminator() => new ProgressiveDiscriminator(layout);

    /// <inheritdoc/>
    public override byte[] ExportGenerator(Module<Tensor, Tensor> generator, string latentColumn, string pixelsColumn) =>
        ProgressiveOnnxExport.Generator((ProgressiveGenerator)generator, latentColumn, pixelsColumn);

    /// <inheritdoc/>
    public override byte[] ExportDiscriminator(Module<Tensor, Tensor> discriminator, string pixelsColumn, string scoreColumn, string featuresColumn) =>
        ProgressiveOnnxExport.Discriminator((ProgressiveDiscriminator)discriminator, pixelsColumn, scoreColumn, featuresColumn);
}
