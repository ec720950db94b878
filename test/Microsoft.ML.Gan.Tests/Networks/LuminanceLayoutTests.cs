using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Networks;

/// <summary>The luminance layout: each cell's mean luminance and local contrast, against hand computations.</summary>
[TestClass]
public sealed class LuminanceLayoutTests
{
    private static readonly float[] Bt601 = [0.299f, 0.587f, 0.114f];

    [TestMethod]
    public void EachFeatureIsTheMeanLuminanceOfItsCellRowByRow()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var images = rand(2, 3, 8, 8) * 2 - 1;
        using var layout = LuminanceLayout.Create(new ImageShape(3, 8, 8), cells: 2);
        using var noGrad = no_grad();

        var features = layout.forward(images);

        Assert.AreEqual(2, features.dim());
        Assert.AreEqual(4L, features.shape[1]);
        var pixels = images.data<float>().ToArray();
        for (var image = 0; image < 2; image++)
        {
            for (var cell = 0; cell < 4; cell++)
            {
                var (top, left) = (cell / 2 * 4, cell % 2 * 4);
                var sum = 0.0;
                for (var channel = 0; channel < 3; channel++)
                {
                    for (var y = top; y < top + 4; y++)
                    {
                        for (var x = left; x < left + 4; x++)
                        {
                            sum += Bt601[channel] * pixels[(((image * 3) + channel) * 64) + (y * 8) + x];
                        }
                    }
                }
                Assert.AreEqual(sum / 16, features[image, cell].item<float>(), 1e-5, $"image {image}, cell {cell}");
            }
        }
    }

    [TestMethod]
    public void GreyImagesGiveTheirCellMeans()
    {
        using var scope = NewDisposeScope();
        var image = arange(16f).view(1, 1, 4, 4);
        using var layout = LuminanceLayout.Create(new ImageShape(1, 4, 4), cells: 2);
        using var noGrad = no_grad();

        var features = layout.forward(image).data<float>().ToArray();

        // Cells of the 4×4 ramp 0..15: top left {0, 1, 4, 5}, top right {2, 3, 6, 7}, and so on.
        CollectionAssert.AreEqual(new[] { 2.5f, 4.5f, 10.5f, 12.5f }, features);
    }

    [TestMethod]
    public void ContrastFollowsTheLuminancesAsEachCellsMeanHalfStepAcrossAndDown()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var image = rand(1, 1, 4, 4) * 2 - 1;
        using var layout = LuminanceLayout.Create(new ImageShape(1, 4, 4), cells: 2, contrast: true);
        using var noGrad = no_grad();

        var features = layout.forward(image).data<float>().ToArray();

        var pixels = image.data<float>().ToArray();
        float At(int y, int x) => y is < 0 or > 3 || x is < 0 or > 3 ? 0f : pixels[(y * 4) + x];
        Assert.HasCount(8, features);
        for (var cell = 0; cell < 4; cell++)
        {
            var (top, left) = (cell / 2 * 2, cell % 2 * 2);
            double luminance = 0, contrast = 0;
            for (var y = top; y < top + 2; y++)
            {
                for (var x = left; x < left + 2; x++)
                {
                    luminance += At(y, x);
                    contrast += (Math.Abs(At(y, x + 1) - At(y, x - 1)) + Math.Abs(At(y + 1, x) - At(y - 1, x))) / 2;
                }
            }
            Assert.AreEqual(luminance / 4, features[cell], 1e-5, $"luminance of cell {cell}");
            Assert.AreEqual(contrast / 4, features[4 + cell], 1e-5, $"contrast of cell {cell}");
        }
    }

    [TestMethod]
    public void AnOutlineHasTheSameContrastWhicheverSideIsTheLighter()
    {
        using var scope = NewDisposeScope();
        var lightOnDark = full(1, 1, 8, 8, -0.6f);
        lightOnDark[.., .., 2..6, 2..6] = full(4, 4, 0.4f);
        var darkOnLight = -lightOnDark;
        using var layout = LuminanceLayout.Create(new ImageShape(1, 8, 8), cells: 4, contrast: true);
        using var noGrad = no_grad();

        var light = layout.forward(lightOnDark).data<float>().ToArray();
        var dark = layout.forward(darkOnLight).data<float>().ToArray();

        for (var cell = 0; cell < 16; cell++)
        {
            Assert.AreEqual(-light[cell], dark[cell], 1e-6, $"luminance of cell {cell}");
            Assert.AreEqual(light[16 + cell], dark[16 + cell], 1e-6, $"contrast of cell {cell}");
        }
        foreach (var cell in new[] { 5, 6, 9, 10 })
        {
            Assert.IsGreaterThan(0.1f, light[16 + cell], $"cell {cell} holds the square's outline");
        }
    }

    [TestMethod]
    public void CellsThatDoNotDivideTheImageAreRefusedWithTheShape()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => LuminanceLayout.Create(new ImageShape(3, 16, 16), cells: 3));

        StringAssert.Contains(error.Message, "3×16×16");
    }
}
