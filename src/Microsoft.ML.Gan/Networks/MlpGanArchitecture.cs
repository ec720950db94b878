using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Onnx;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Networks;

/// <summary>The original GAN's multilayer perceptrons for one <see cref="MlpLayout"/>.</summary>
internal sealed class MlpGanArchitecture(MlpLayout layout, bool spectralNormalization) : GanArchitecture
{
    /// <inheritdoc/>
    public override ImageShape Image => layout.Image;

    /// <inheritdoc/>
    public override int LatentSize => layout.LatentSize;

    /// <inheritdoc/>
    public override string Title => $"GAN {layout.Image}";

    /// <inheritdoc/>
    public override string Identity =>
        $"MLP {Title}, latent {layout.LatentSize}, widths {layout.GeneratorWidth}/{layout.DiscriminatorWidth}, spectral norm {spectralNormalization}";

    /// <inheritdoc/>
    public override int FeatureCount => layout.FeatureCount;

    /// <inheritdoc/>
    public override Module<Tensor, Tensor> CreateGenerator() => new MlpGenerator(layout);

    /// <inheritdoc/>
    public override Module<Tensor, Tensor> CreateDiscriminator() => new MlpDiscriminator(layout, spectralNormalization);

    /// <inheritdoc/>
    public override byte[] ExportGenerator(Module<Tensor, Tensor> generator, string latentColumn, string pixelsColumn) =>
        MlpOnnxExport.Generator((MlpGenerator)generator, latentColumn, pixelsColumn);

    /// <inheritdoc/>
    public override byte[] ExportDiscriminator(Module<Tensor, Tensor> discriminator, string pixelsColumn, string scoreColumn, string featuresColumn) =>
        MlpOnnxExport.Discriminator((MlpDiscriminator)discriminator, pixelsColumn, scoreColumn, featuresColumn);
}
