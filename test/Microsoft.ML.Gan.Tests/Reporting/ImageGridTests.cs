using Microsoft.ML.Gan.Reporting;
using SkiaSharp;

namespace Microsoft.ML.Gan.Tests.Reporting;

[TestClass]
public sealed class ImageGridTests
{
    [TestMethod]
    public void SavePng_WritesDecodablePngOfGridSize_AndNoTemporaryFile()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("nested/grid.png");

        // 5 images of 3×4 in a near-square grid: 3 columns, 2 rows; padding 2 around and between.
        ImageGrid.SavePng(new float[5 * 3 * 4], count: 5, channels: 1, height: 3, width: 4, path);

        using var bitmap = SKBitmap.Decode(path);
        Assert.IsNotNull(bitmap);
        Assert.AreEqual(3 * 4 + 4 * 2, bitmap.Width);
        Assert.AreEqual(2 * 3 + 3 * 2, bitmap.Height);
        CollectionAssert.AreEqual(new[] { "grid.png" }, Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public void EncodePng_GivenColumnsAndScale_SetsCanvasSize()
    {
        using var bitmap = Decode(ImageGrid.EncodePng(new float[4 * 28 * 28], 4, 1, 28, 28, columns: 4, padding: 1, scale: 3));

        Assert.AreEqual(4 * 84 + 5 * 1, bitmap.Width);
        Assert.AreEqual(84 + 2 * 1, bitmap.Height);
    }

    [TestMethod]
    public void EncodePng_Grey_PutsPixelInItsTileAndPadsWithBackground()
    {
        const int count = 4, height = 2, width = 3, padding = 2, scale = 2;
        var pixels = new float[count * height * width];
        // Image 3 (second row, second column), pixel (y 1, x 2).
        pixels[3 * height * width + 1 * width + 2] = 200.4f;

        using var bitmap = Decode(ImageGrid.EncodePng(pixels, count, 1, height, width, padding: padding, scale: scale));

        int left = padding + 1 * (width * scale + padding) + 2 * scale;
        int top = padding + 1 * (height * scale + padding) + 1 * scale;
        for (int dy = 0; dy < scale; dy++)
        {
            for (int dx = 0; dx < scale; dx++)
            {
                Assert.AreEqual(new SKColor(200, 200, 200), bitmap.GetPixel(left + dx, top + dy));
            }
        }
        Assert.AreEqual(new SKColor(0, 0, 0), bitmap.GetPixel(left - 1, top));
        Assert.AreEqual(new SKColor(32, 32, 32), bitmap.GetPixel(0, 0));
        Assert.AreEqual(new SKColor(32, 32, 32), bitmap.GetPixel(padding + width * scale, padding));
    }

    [TestMethod]
    public void EncodePng_Rgb_ReadsPlanarChannels()
    {
        const int height = 2, width = 2, plane = height * width;
        var pixels = new float[2 * 3 * plane];
        // Image 1, pixel (y 0, x 1): planar R, G, B.
        int first = 3 * plane + 0 * width + 1;
        pixels[first] = 10;
        pixels[first + plane] = 120;
        pixels[first + 2 * plane] = 250;

        using var bitmap = Decode(ImageGrid.EncodePng(pixels, 2, 3, height, width, padding: 0));

        Assert.AreEqual(new SKColor(10, 120, 250), bitmap.GetPixel(width + 1, 0));
        Assert.AreEqual(new SKColor(0, 0, 0), bitmap.GetPixel(1, 0));
    }

    [TestMethod]
    public void EncodePng_ClampsAndRounds()
    {
        float[] pixels = [-40f, 300f, 127.5f, float.NaN];

        using var bitmap = Decode(ImageGrid.EncodePng(pixels, 1, 1, 1, 4, padding: 0));

        Assert.AreEqual((byte)0, bitmap.GetPixel(0, 0).Red);
        Assert.AreEqual((byte)255, bitmap.GetPixel(1, 0).Red);
        Assert.AreEqual((byte)128, bitmap.GetPixel(2, 0).Red);
        Assert.AreEqual((byte)0, bitmap.GetPixel(3, 0).Red);
    }

    [TestMethod]
    public void EncodePng_WrongLength_NamesExpectedAndFound()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => ImageGrid.EncodePng(new float[10], 2, 1, 2, 3));

        StringAssert.Contains(error.Message, "Expected 12");
        StringAssert.Contains(error.Message, "found 10");
        Assert.AreEqual("pixels", error.ParamName);
    }

    [TestMethod]
    public void EncodePng_TwoChannels_IsRejected()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ImageGrid.EncodePng(new float[8], 1, 2, 2, 2));
    }

    private static SKBitmap Decode(byte[] png) =>
        SKBitmap.Decode(png) ?? throw new AssertFailedException("The PNG bytes did not decode.");
}
