using Microsoft.ML.Gan.Networks;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Onnx;

/// <summary>
/// Writes the inference graphs of trained MLP GAN networks as ONNX, batch norm in eval mode (running statistics), in the
/// library's column conventions: pixels planar C×H×W in 0..255 (normalised to [-1, 1] inside, clamped back to 0..255 at
/// the generator's output), one row per run.
/// </summary>
internal static class MlpOnnxExport
{
    /// <summary>The generator: <paramref name="latentColumn"/> [1, latent] → <paramref name="pixelsColumn"/> [1, C, H, W].</summary>
    public static byte[] Generator(MlpGenerator generator, string latentColumn, string pixelsColumn)
    {
        var layout = generator.Layout;
        var image = layout.Image;
        var graph = new OnnxGraphBuilder("gan_generator");
        var x = graph.Input(latentColumn, 1, layout.LatentSize);
        for (var layer = 0; layer < MlpLayout.GeneratorLayers; layer++)
        {
            x = graph.Linear(x, generator.Linears[layer]);
            if (layer > 0)
            {
                x = graph.BatchNorm1d(x, generator.Norms[layer - 1]);
            }
            x = graph.LeakyRelu(x, (float)MlpGenerator.LeakySlope);
        }
        x = graph.Tanh(graph.Linear(x, generator.Linears[^1]));
        x = graph.Clip(graph.Affine(graph.Reshape(x, 1, image.Channels, image.Height, image.Width), 127.5f, 127.5f), 0, 255);
        graph.Output(x, pixelsColumn, 1, image.Channels, image.Height, image.Width);
        return graph.ToBytes();
    }

    /// <summary>
    /// The discriminator: <paramref name="pixelsColumn"/> [1, C, H, W] → <paramref name="scoreColumn"/> [1] (sigmoid of
    /// the logit) and <paramref name="featuresColumn"/> [1, F] (the hidden activations, concatenated). Layers use
    /// <see cref="MlpDiscriminator.Weight"/>: with spectral normalisation, W/σ; export in eval mode.
    /// </summary>
    public static byte[] Discriminator(MlpDiscriminator discriminator, string pixelsColumn, string scoreColumn, string featuresColumn)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var layout = discriminator.Layout;
        var image = layout.Image;
        var graph = new OnnxGraphBuilder("gan_discriminator");
        var x = graph.Flatten(graph.Affine(graph.Input(pixelsColumn, 1, image.Channels, image.Height, image.Width), 1 / 127.5f, -1));
        var hidden = new string[MlpLayout.DiscriminatorLayers];
        for (var layer = 0; layer < MlpLayout.DiscriminatorLayers; layer++)
        {
            x = hidden[layer] = graph.LeakyRelu(Linear(graph, x, discriminator, layer), (float)MlpDiscriminator.LeakySlope);
        }
        graph.Output(graph.Concat(1, hidden), featuresColumn, 1, layout.FeatureCount);
        var score = graph.Sigmoid(graph.Reshape(Linear(graph, x, discriminator, MlpLayout.DiscriminatorLayers), 1));
        graph.Output(score, scoreColumn, 1);
        return graph.ToBytes();
    }

    private static string Linear(OnnxGraphBuilder graph, string x, MlpDiscriminator discriminator, int layer) =>
        graph.Linear(x, discriminator.Weight(layer), discriminator.Linears[layer].bias);
}
