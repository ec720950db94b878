using Microsoft.ML;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Tests.Data;
using Microsoft.ML.Gan.Training;
using Microsoft.ML.Runtime;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Training;

/// <summary>The convolutional autoencoder behind the autoencoder encoder f: it learns to redraw its images, and refuses sizes it cannot halve twice.</summary>
[TestClass]
public sealed class AutoencoderTrainingTests
{
    private const int Side = 16;
    private const int SquareSide = 6;

    /// <summary>Row i: a bright square at a place drawn from seed i, on a dark background, 0..255.</summary>
    private static IDataView Squares(MLContext mlContext, int rows) => PixelRows.Create(mlContext, rows, [1, Side, Side], row =>
    {
        var random = new Random(row);
        var (left, top) = (random.Next(Side - SquareSide), random.Next(Side - SquareSide));
        var pixels = new float[Side * Side];
        for (var y = top; y < top + SquareSide; y++)
        {
            Array.Fill(pixels, 255f, (y * Side) + left, SquareSide);
        }
        return pixels;
    });

    private static Tensor ToUnitRange(Tensor pixels) => pixels.div(127.5).sub_(1);

    [TestMethod]
    public void TrainingTeachesTheAutoencoderToRedrawItsImages()
    {
        var mlContext = new MLContext(seed: 1);
        var image = new ImageShape(1, Side, Side);
        using var reader = new PixelBatchReader(Squares(mlContext, 32), "Pixels", 8, image, seed: 1);
        manual_seed(1);
        using var network = new ConvolutionalAutoencoder(image);
        double ReconstructionError()
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            network.eval();
            var batches = reader.ReadEpoch(0, CancellationToken.None).Select(batch => ToUnitRange(reader.Images(batch))).ToList();
            return batches.Average(clean => nn.functional.mse_loss(network.forward(clean), clean).item<float>());
        }
        var before = ReconstructionError();

        using (var channel = ((IHostEnvironment)mlContext).Start("test"))
        using (var training = new AutoencoderTraining(network, "test autoencoder", reader, ToUnitRange, 1e-3, 0.1, CPU))
        {
            training.Run(40, channel, CancellationToken.None);
        }

        var after = ReconstructionError();
        Assert.IsLessThan(before / 4, after, $"reconstruction error {before:F4} before training, {after:F4} after");
        Assert.IsFalse(network.training, "the network was left in training mode");
    }

    [TestMethod]
    public void SidesThatCannotBeHalvedTwiceAreRefusedWithTheShape()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ConvolutionalAutoencoder(new ImageShape(1, 28, 30)));

        StringAssert.Contains(error.Message, "multiples of 4");
        StringAssert.Contains(error.Message, "30");
    }
}
