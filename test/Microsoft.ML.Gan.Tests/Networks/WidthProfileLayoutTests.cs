using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Networks;

/// <summary>The width profile: coarse tones and the head's width in each band on a white ground, against hand computations.</summary>
[TestClass]
public sealed class WidthProfileLayoutTests
{
    private static readonly float[] Bt601 = [0.299f, 0.587f, 0.114f];

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [TestMethod]
    public void TonesAreTheCellsMeanSigmoidOfLuminanceAndBandsTheMeanFigureOfTheirRows()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var images = rand(2, 3, 8, 8) * 2 - 1;
        using var layout = WidthProfileLayout.Create(new ImageShape(3, 8, 8), toneCells: 2, bands: 4);
        using var noGrad = no_grad();

        var features = layout.forward(images);

        CollectionAssert.AreEqual(new long[] { 2, 4 + 4 }, features.shape);
        var pixels = images.data<float>().ToArray();
        double Luminance(int image, int y, int x) =>
            Enumerable.Range(0, 3).Sum(channel => Bt601[channel] * pixels[(((image * 3) + channel) * 64) + (y * 8) + x]);
        double Figure(int image, int y, int x) =>
            Sigmoid(WidthProfileLayout.Steepness * (1 - Luminance(image, y, x) - WidthProfileLayout.Threshold));
        for (var image = 0; image < 2; image++)
        {
            for (var cell = 0; cell < 4; cell++)
            {
                var (top, left) = (cell / 2 * 4, cell % 2 * 4);
                var tone = Enumerable.Range(top, 4).SelectMany(y => Enumerable.Range(left, 4).Select(x => Sigmoid(Luminance(image, y, x)))).Average();
                Assert.AreEqual(tone, features[image, cell].item<float>(), 1e-5, $"image {image}, tone cell {cell}");
            }
            for (var band = 0; band < 4; band++)
            {
                var width = Enumerable.Range(band * 2, 2).SelectMany(y => Enumerable.Range(0, 8).Select(x => Figure(image, y, x))).Average();
                Assert.AreEqual(width, features[image, 4 + band].item<float>(), 1e-5, $"image {image}, band {band}");
            }
        }
    }

    [TestMethod]
    public void AWiderHeadOnWhiteHasWiderBandsAndTheGroundNone()
    {
        using var scope = NewDisposeScope();
        var narrow = ones(1, 1, 8, 8);
        narrow[.., .., 2..8, 3..5] = full(6, 2, -0.5f);
        var wide = ones(1, 1, 8, 8);
        wide[.., .., 2..8, 1..7] = full(6, 6, -0.5f);
        using var layout = WidthProfileLayout.Create(new ImageShape(1, 8, 8), toneCells: 1, bands: 4);
        using var noGrad = no_grad();

        var narrowBands = layout.forward(narrow).data<float>().Skip(1).ToArray();
        var wideBands = layout.forward(wide).data<float>().Skip(1).ToArray();

        var ground = Sigmoid(-WidthProfileLayout.Steepness * WidthProfileLayout.Threshold);
        var head = Sigmoid(WidthProfileLayout.Steepness * (1.5 - WidthProfileLayout.Threshold));
        Assert.IsLessThan(0.05, ground, "white reads as ground");
        Assert.AreEqual(ground, narrowBands[0], 1e-5, "the white top band of the narrow head");
        Assert.AreEqual(ground, wideBands[0], 1e-5, "the white top band of the wide head");
        for (var band = 1; band < 4; band++)
        {
            Assert.AreEqual(((2 * head) + (6 * ground)) / 8, narrowBands[band], 1e-5, $"narrow head, band {band}");
            Assert.AreEqual(((6 * head) + (2 * ground)) / 8, wideBands[band], 1e-5, $"wide head, band {band}");
        }
    }

    [TestMethod]
    public void GridsThatDoNotFitAreRefusedWithTheShape()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => WidthProfileLayout.Create(new ImageShape(3, 16, 16), toneCells: 1, bands: 3));
        StringAssert.Contains(error.Message, "3×16×16");
        Assert.AreEqual("bands", error.ParamName);

        error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => WidthProfileLayout.Create(new ImageShape(3, 16, 16), toneCells: 3, bands: 8));
        StringAssert.Contains(error.Message, "8 bands");
        Assert.AreEqual("toneCells", error.ParamName);

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DomainTransferEncoder.WidthProfile(toneCells: 1, bands: 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DomainTransferEncoder.WidthProfile(toneCells: 0));
    }
}
