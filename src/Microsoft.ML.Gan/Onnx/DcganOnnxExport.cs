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
    /// <summary>The graph name of <see cref="Generator"/>: how a saved generator is recognised.</summary>
    public const string GeneratorGraphName = "dcgan_generator";

    /// <summary>
    /// The generator: <paramref name="latentColumn"/> [1, latent] → <paramref name="pixelsColumn"/> [1, C, H, W]. An
    /// <paramref name="edit"/> multiplies one hidden layer's maps by a 0/1 channel mask (after its ReLU).
    /// </summary>
    public static byte[] Generator(DcganGenerator generator, string latentColumn, string pixelsColumn, GeneratorLayerEdit? edit = null)
    {
        var layout = generator.Layout;
        if (edit is not null && (edit.Layer < 0 || edit.Layer >= generator.Norms.Count))
        {
            throw new ArgumentOutOfRangeException(nameof(edit), $"The generator's hidden layers are 0 to {generator.Norms.Count - 1}; found layer {edit.Layer}.");
        }
        var graph = new OnnxGraphBuilder(GeneratorGraphName);
        var x = AppendGenerator(graph, generator, graph.Input(latentColumn, 1, layout.LatentSize), edit);
        graph.Output(x, pixelsColumn, 1, layout.Image.Channels, layout.Image.Height, layout.Image.Width);
        return graph.ToBytes();
    }

    /// <summary>
    /// Appends the generator to <paramref name="graph"/> after latents <paramref name="latent"/> [1, latent]; returns the
    /// pixels [1, C, H, W] in 0..255. An <paramref name="edit"/> masks one hidden layer's maps.
    /// </summary>
    public static string AppendGenerator(OnnxGraphBuilder graph, DcganGenerator generator, string latent, GeneratorLayerEdit? edit = null)
    {
        var layout = generator.Layout;
        var x = graph.Reshape(latent, 1, layout.LatentSize, 1, 1);
        for (var block = 0; block < generator.Norms.Count; block++)
        {
            x = graph.Relu(graph.BatchNorm2d(graph.ConvTranspose2d(x, generator.Deconvolutions[block]), generator.Norms[block]));
            if (edit?.Layer == block)
            {
                x = DropMaps(graph, x, edit, layout.GeneratorChannels(block));
            }
        }
        x = graph.Tanh(graph.ConvTranspose2d(x, generator.Deconvolutions[^1]));
        return graph.Clip(graph.Affine(x, 127.5f, 127.5f), 0, 255);
    }

    private static string DropMaps(OnnxGraphBuilder graph, string x, GeneratorLayerEdit edit, int channels)
    {
        if (edit.DroppedMaps.Any(map => map < 0 || map >= channels))
        {
            throw new ArgumentOutOfRangeException(nameof(edit),
                $"Layer {edit.Layer} has maps 0 to {channels - 1}; found [{string.Join(", ", edit.DroppedMaps.Order())}].");
        }
        return edit.DroppedMaps.Count == 0
            ? x
            : graph.Multiply(x, [.. Enumerable.Range(0, channels).Select(map => edit.DroppedMaps.Contains(map) ? 0f : 1f)], [1, channels, 1, 1]);
    }

    /// <summary>The graph name of <see cref="Discriminator"/>: how a saved discriminator is recognised.</summary>
    public const string DiscriminatorGraphName = "dcgan_discriminator";

    /// <summary>The graph name of <see cref="DiscriminatorFeatures"/>.</summary>
    public const string FeaturesGraphName = "dcgan_discriminator_features";

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
        var graph = new OnnxGraphBuilder(DiscriminatorGraphName);
        var layers = Enumerable.Range(0, discriminator.Layout.Stages).ToArray();
        var x = HiddenLayers(graph, discriminator, pixelsColumn, featuresColumn, layers, grid);
        var score = graph.Sigmoid(graph.Reshape(Convolution(graph, x, discriminator, discriminator.Layout.Stages), 1));
        graph.Output(score, scoreColumn, 1);
        return graph.ToBytes();
    }

    /// <summary>
    /// Only the representation: <paramref name="pixelsColumn"/> [1, C, H, W] → <paramref name="featuresColumn"/> [1, F],
    /// the hidden maps of <paramref name="layers"/> (0-based, ascending) max-pooled to <paramref name="grid"/>² and
    /// concatenated. The graph stops after the last chosen layer.
    /// </summary>
    public static byte[] DiscriminatorFeatures(DcganDiscriminator discriminator, string pixelsColumn, string featuresColumn,
        IReadOnlyList<int> layers, int grid)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var graph = new OnnxGraphBuilder(FeaturesGraphName);
        HiddenLayers(graph, discriminator, pixelsColumn, featuresColumn, layers, grid);
        return graph.ToBytes();
    }

    /// <summary>
    /// Pixels through the hidden blocks up to the last of <paramref name="layers"/>, whose pooled maps become the
    /// <paramref name="featuresColumn"/> output; returns the last hidden map.
    /// </summary>
    private static string HiddenLayers(OnnxGraphBuilder graph, DcganDiscriminator discriminator, string pixelsColumn,
        string featuresColumn, IReadOnlyList<int> layers, int grid)
    {
        var image = discriminator.Layout.Image;
        var x = graph.Affine(graph.Input(pixelsColumn, 1, image.Channels, image.Height, image.Width), 1 / 127.5f, -1);
        var pooled = new List<string>(layers.Count);
        for (var block = 0; block <= layers[^1]; block++)
        {
            x = Convolution(graph, x, discriminator, block);
            if (block > 0 && discriminator.Norms.Count > 0)
            {
                x = graph.BatchNorm2d(x, discriminator.Norms[block - 1]);
            }
            x = graph.LeakyRelu(x, (float)DcganDiscriminator.LeakySlope);
            if (layers.Contains(block))
            {
                var side = discriminator.Layout.DiscriminatorSide(block);
                pooled.Add(graph.Flatten(graph.AdaptiveMaxPool2d(x, side, side, grid, grid)));
            }
        }
        graph.Output(graph.Concat(1, [.. pooled]), featuresColumn, 1, discriminator.FeatureCount(grid, layers));
        return x;
    }

    private static string Convolution(OnnxGraphBuilder graph, string x, DcganDiscriminator discriminator, int layer)
    {
        var convolution = discriminator.Convolutions[layer];
        return graph.Conv2d(x, discriminator.Weight(layer), convolution.bias, (int)convolution.stride[0], (int)((long[])convolution.padding!)[0]);
    }
}
