using Microsoft.ML.Gan.Networks;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Onnx;

/// <summary>
/// Writes the inference graphs of trained DCGAN networks as ONNX, batch-norm in eval mode (running statistics). The
/// graphs speak the library's column conventions: pixels are planar C×H×W in 0..255 (normalised to [-1, 1] inside,
/// clamped back to 0..255 at the generator's output), one row per run.
/// </summary>
internal static class DcganOnnxExport
{
    /// <summary>The generator: <paramref name="latentColumn"/> [1, latent] → <paramref name="pixelsColumn"/> [1, C, H, W].</summary>
    public static byte[] Generator(DcganGenerator generator, string latentColumn, string pixelsColumn)
    {
        var layout = generator.Layout;
        var graph = new OnnxGraphBuilder("dcgan_generator");
        var x = graph.Reshape(graph.Input(latentColumn, 1, layout.LatentSize), 1, layout.LatentSize, 1, 1);
        for (var block = 0; block < generator.Norms.Count; block++)
        {
            x = graph.Relu(graph.BatchNorm2d(graph.ConvTranspose2d(x, generator.Deconvolutions[block]), generator.Norms[block]));
        }
        x = graph.Tanh(graph.ConvTranspose2d(x, generator.Deconvolutions[^1]));
        x = graph.Clip(graph.Affine(x, 127.5f, 127.5f), 0, 255);
        graph.Output(x, pixelsColumn, 1, layout.Image.Channels, layout.Image.Height, layout.Image.Width);
        return graph.ToBytes();
    }

    /// <summary>
    /// The discriminator: <paramref name="pixelsColumn"/> [1, C, H, W] → <paramref name="scoreColumn"/> [1] (probability
    /// of real) and <paramref name="featuresColumn"/> [1, F] (hidden maps max-pooled to <paramref name="grid"/>², concatenated).
    /// Convolutions use <see cref="DcganDiscriminator.Weight"/>: with spectral normalisation, W/σ; export in eval mode.
    /// </summary>
    public static byte[] Discriminator(DcganDiscriminator discriminator, string pixelsColumn, string scoreColumn,
        string featuresColumn, int grid)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var layout = discriminator.Layout;
        var image = layout.Image;
        var graph = new OnnxGraphBuilder("dcgan_discriminator");
        var x = graph.Affine(graph.Input(pixelsColumn, 1, image.Channels, image.Height, image.Width), 1 / 127.5f, -1);
        var pooled = new string[layout.Stages];
        for (var block = 0; block < layout.Stages; block++)
        {
            x = Convolution(graph, x, discriminator, block);
            if (block > 0)
            {
                x = graph.BatchNorm2d(x, discriminator.Norms[block - 1]);
            }
            x = graph.LeakyRelu(x, (float)DcganDiscriminator.LeakySlope);
            var side = layout.DiscriminatorSide(block);
            pooled[block] = graph.Flatten(graph.AdaptiveMaxPool2d(x, side, side, grid, grid));
        }
        graph.Output(graph.Concat(1, pooled), featuresColumn, 1, discriminator.FeatureCount(grid));
        var score = graph.Sigmoid(graph.Reshape(Convolution(graph, x, discriminator, layout.Stages), 1));
        graph.Output(score, scoreColumn, 1);
        return graph.ToBytes();
    }

    private static string Convolution(OnnxGraphBuilder graph, string x, DcganDiscriminator discriminator, int layer)
    {
        var convolution = discriminator.Convolutions[layer];
        return graph.Conv2d(x, discriminator.Weight(layer), convolution.bias, (int)convolution.stride[0], (int)((long[])convolution.padding!)[0]);
    }
}
