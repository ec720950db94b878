using Microsoft.ML.Gan.Networks.Progressive;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Onnx;

/// <summary>
/// Writes the inference graphs of fully grown progressive networks (last level, α = 1) as ONNX, with the equalized
/// learning rate's He constants folded into the weights. Pixels are planar C×H×W in 0..255 (normalised to [-1, 1]
/// inside, clamped back to 0..255 at the generator's output), one row per run. With one image per run, the minibatch
/// standard deviation layer's groups hold one image, so its map is the constant √ε, as the network computes it for a
/// batch of one.
/// </summary>
internal static class ProgressiveOnnxExport
{
    /// <summary>The graph name of <see cref="Generator"/>.</summary>
    public const string GeneratorGraphName = "pggan_generator";

    /// <summary>The graph name of <see cref="Discriminator"/>.</summary>
    public const string DiscriminatorGraphName = "pggan_discriminator";

    /// <summary>The generator: <paramref name="latentColumn"/> [1, latent] → <paramref name="pixelsColumn"/> [1, C, H, W].</summary>
    public static byte[] Generator(ProgressiveGenerator generator, string latentColumn, string pixelsColumn)
    {
        CheckGrown(generator);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var layout = generator.Layout;
        var graph = new OnnxGraphBuilder(GeneratorGraphName);
        var epsilon = (float)PixelNorm.Epsilon;
        var latent = graph.PixelNorm(graph.Input(latentColumn, 1, layout.LatentSize), epsilon);
        var dense = graph.LeakyRelu(graph.Linear(latent, generator.Dense.Weight, generator.Dense.Bias), (float)ProgressiveGenerator.LeakySlope);
        var x = graph.PixelNorm(graph.Reshape(dense, 1, layout.Channels(0), 4, 4), epsilon);
        x = Activate(graph, Convolution(graph, x, generator.Convolutions[0]));
        for (var level = 1; level <= layout.LastLevel; level++)
        {
            var side = ProgressiveLayout.Side(level - 1);
            x = graph.NearestUpsample(x, layout.Channels(level - 1), side, side, 2);
            x = Activate(graph, Convolution(graph, x, generator.Convolutions[2 * level - 1]));
            x = Activate(graph, Convolution(graph, x, generator.Convolutions[2 * level]));
        }
        x = Convolution(graph, x, generator.ToRgb[layout.LastLevel]);
        x = graph.Clip(graph.Affine(x, 127.5f, 127.5f), 0, 255);
        graph.Output(x, pixelsColumn, 1, layout.Image.Channels, layout.Image.Height, layout.Image.Width);
        return graph.ToBytes();

        static string Activate(OnnxGraphBuilder graph, string x) =>
            graph.PixelNorm(graph.LeakyRelu(x, (float)ProgressiveGenerator.LeakySlope), (float)PixelNorm.Epsilon);
    }

    /// <summary>
    /// The discriminator: <paramref name="pixelsColumn"/> [1, C, H, W] → <paramref name="scoreColumn"/> [1] (the
    /// sigmoid of the critic) and <paramref name="featuresColumn"/> [1, F] (every block's output max-pooled to 4×4).
    /// </summary>
    public static byte[] Discriminator(ProgressiveDiscriminator discriminator, string pixelsColumn, string scoreColumn, string featuresColumn)
    {
        CheckGrown(discriminator);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var layout = discriminator.Layout;
        var graph = new OnnxGraphBuilder(DiscriminatorGraphName);
        var slope = (float)ProgressiveDiscriminator.LeakySlope;
        var grid = ProgressiveDiscriminator.FeatureGrid;
        var image = layout.Image;
        var x = graph.Affine(graph.Input(pixelsColumn, 1, image.Channels, image.Height, image.Width), 1 / 127.5f, -1);
        x = graph.LeakyRelu(Convolution(graph, x, discriminator.FromRgb[layout.LastLevel]), slope);
        var pooled = new List<string>();
        for (var level = layout.LastLevel; level >= 1; level--)
        {
            x = graph.LeakyRelu(Convolution(graph, x, discriminator.Convolutions[2 * level - 1]), slope);
            x = graph.LeakyRelu(Convolution(graph, x, discriminator.Convolutions[2 * level]), slope);
            x = graph.AveragePool(x, 2);
            var side = ProgressiveLayout.Side(level - 1);
            pooled.Add(graph.Flatten(graph.AdaptiveMaxPool2d(x, side, side, grid, grid)));
        }
        var deviation = graph.Initializer(Filled(16, (float)Math.Sqrt(MinibatchStandardDeviation.Epsilon)), [1, 1, 4, 4]);
        x = graph.LeakyRelu(Convolution(graph, graph.Concat(1, x, deviation), discriminator.Convolutions[0]), slope);
        pooled.Add(graph.Flatten(x));
        graph.Output(graph.Concat(1, [.. pooled]), featuresColumn, 1, layout.FeatureCount);
        x = graph.LeakyRelu(graph.Linear(graph.Flatten(x), discriminator.Dense.Weight, discriminator.Dense.Bias), slope);
        x = graph.Linear(x, discriminator.Output.Weight, discriminator.Output.Bias);
        graph.Output(graph.Sigmoid(graph.Reshape(x, 1)), scoreColumn, 1);
        return graph.ToBytes();
    }

    private static string Convolution(OnnxGraphBuilder graph, string x, EqualizedConv2d convolution) =>
        graph.Conv2d(x, convolution.Weight, convolution.Bias, 1, convolution.Kernel / 2);

    private static void CheckGrown(IProgressiveNetwork network)
    {
        var last = network is ProgressiveGenerator generator ? generator.Layout.LastLevel : ((ProgressiveDiscriminator)network).Layout.LastLevel;
        if (network.Level != last || network.Alpha != 1)
        {
            throw new InvalidOperationException(
                $"Only fully grown networks are exported: expected level {last} at α 1, found level {network.Level} at α {network.Alpha}.");
        }
    }

    private static float[] Filled(int count, float value)
    {
        var values = new float[count];
        Array.Fill(values, value);
        return values;
    }
}
