using System.Diagnostics;
using Microsoft.ML.Gan.Networks;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// Rows per second of the same networks scored by TorchSharp in batches, in eval mode without gradients, each batch's
/// output copied back to managed memory as ML.NET's rows are.
/// </summary>
internal static class TorchScoring
{
    /// <summary>The generator from standard-normal latents to 0..255 pixels, <paramref name="rows"/> rows in batches.</summary>
    public static double Generator(DcganGenerator generator, int rows, int batchSize, Device device)
    {
        generator.eval();
        return Timed(rows, batchSize, (start, count) =>
        {
            var latents = randn([count, generator.Layout.LatentSize], device: device);
            return generator.forward(latents).add(1).mul(127.5).clamp(0, 255);
        });
    }

    /// <summary>The discriminator's score of <paramref name="images"/> ([N, C, H, W], already in [-1, 1]), in batches.</summary>
    public static double Discriminator(DcganDiscriminator discriminator, Tensor images, int batchSize)
    {
        discriminator.eval();
        return Timed((int)images.shape[0], batchSize, (start, count) =>
            discriminator.forward(images.narrow(0, start, count)).sigmoid());
    }

    private static double Timed(int rows, int batchSize, Func<int, int, Tensor> score)
    {
        using var noGrad = no_grad();
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < rows; start += batchSize)
        {
            using var scope = NewDisposeScope();
            _ = score(start, Math.Min(batchSize, rows - start)).cpu().data<float>().ToArray();
        }
        return rows / clock.Elapsed.TotalSeconds;
    }
}
