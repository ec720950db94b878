using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Networks;

/// <summary>The silhouette layout: coarse tones and where the image stands out from its ground, against hand computations.</summary>
[TestClass]
public sealed class SilhouetteLayoutTests
{
    private static readonly float[] Bt601 = [0.299f, 0.587f, 0.114f];

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [TestMethod]
    public void TonesAreTheCoarseCellsLuminanceAndSilhouettesTheFineCellsStepFromTheTopCorners()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var images = rand(2, 3, 8, 8) * 2 - 1;
        using var layout = SilhouetteLayout.Create(new ImageShape(3, 8, 8), toneCells: 2, figureCells: 4);
        using var noGrad = no_grad();

        var features = layout.forward(images);

        CollectionAssert.AreEqual(new long[] { 2, 4 + 16 }, features.shape);
        var pixels = images.data<float>().ToArray();
        double Luminance(int image, int y, int x) =>
            Enumerable.Range(0, 3).Sum(channel => Bt601[channel] * pixels[(((image * 3) + channel) * 64) + (y * 8) + x]);
        double Mean(int image, int top, int left, int size) =>
            Enumerable.Range(top, size).SelectMany(y => Enumerable.Range(left, size).Select(x => Luminance(image, y, x))).Average();
        for (var image = 0; image < 2; image++)
        {
            for (var cell = 0; cell < 4; cell++)
            {
                var tone = Sigmoid(Mean(image, cell / 2 * 4, cell % 2 * 4, 4));
                Assert.AreEqual(tone, features[image, cell].item<float>(), 1e-5, $"image {image}, tone cell {cell}");
            }
            var ground = (Mean(image, 0, 0, 2) + Mean(image, 0, 6, 2)) / 2;
            for (var cell = 0; cell < 16; cell++)
            {
                var step = Math.Abs(Mean(image, cell / 4 * 2, cell % 4 * 2, 2) - ground);
                var silhouette = Sigmoid(SilhouetteLayout.Steepness * (step - SilhouetteLayout.Threshold));
                Assert.AreEqual(silhouette, features[image, 4 + cell].item<float>(), 1e-4, $"image {image}, figure cell {cell}");
            }
        }
    }

    [TestMethod]
    public void AHeadHasTheSameSilhouetteLighterThanItsGroundOrDarker()
    {
        using var scope = NewDisposeScope();
        var lightOnDark = full(1, 1, 8, 8, -0.6f);
        lightOnDark[.., .., 2..8, 2..6] = full(6, 4, 0.4f);
        var darkOnLight = -lightOnDark;
        using var layout = SilhouetteLayout.Create(new ImageShape(1, 8, 8), toneCells: 2, figureCells: 4);
        using var noGrad = no_grad();

        var light = layout.forward(lightOnDark).data<float>().ToArray();
        var dark = layout.forward(darkOnLight).data<float>().ToArray();

        for (var cell = 0; cell < 4; cell++)
        {
            Assert.AreEqual(1 - light[cell], dark[cell], 1e-6, $"tone cell {cell}");
        }
        for (var cell = 0; cell < 16; cell++)
        {
            Assert.AreEqual(light[4 + cell], dark[4 + cell], 1e-6, $"figure cell {cell}");
            var (row, column) = (cell / 4, cell % 4);
            var inHead = row >= 1 && column is 1 or 2;
            Assert.AreEqual(inHead, light[4 + cell] > 0.5f, $"figure cell {cell} is {(inHead ? "head" : "ground")}");
        }
    }

    [TestMethod]
    public void GridsThatDoNotFitAreRefusedWithTheShape()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SilhouetteLayout.Create(new ImageShape(3, 16, 16), toneCells: 1, figureCells: 3));
        StringAssert.Contains(error.Message, "3×16×16");

        error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SilhouetteLayout.Create(new ImageShape(3, 16, 16), toneCells: 3, figureCells: 8));
        StringAssert.Contains(error.Message, "8 figure cells");

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DomainTransferEncoder.SilhouetteLayout(toneCells: 1, figureCells: 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DomainTransferEncoder.SilhouetteLayout(toneCells: 0));
    }
}
