using SkiaSharp;

namespace Microsoft.ML.Gan.Reporting;

/// <summary>
/// Tiles a batch of images, given as the planar C×H×W pixel vectors of the <c>Pixels</c> column convention,
/// into one PNG picture: a near-square grid on a dark background.
/// </summary>
public static class ImageGrid
{
    /// <summary>The background and padding colour: dark, so that black digit backgrounds stay distinguishable.</summary>
    internal static readonly SKColor Background = new(32, 32, 32);

    /// <summary>Encodes a grid of images as PNG and writes it to <paramref name="path"/> atomically.</summary>
    /// <param name="pixels">All images, one after another, each planar C×H×W with values 0..255 (clamped and rounded).</param>
    /// <param name="count">The number of images.</param>
    /// <param name="channels">1 for grey, 3 for RGB.</param>
    /// <param name="height">The height of one image in pixels.</param>
    /// <param name="width">The width of one image in pixels.</param>
    /// <param name="path">The PNG file to write; its folder is created when missing; an existing file is replaced.</param>
    /// <param name="columns">The number of grid columns; by default the ceiling of the square root of <paramref name="count"/>.</param>
    /// <param name="padding">Background pixels between tiles and around the edge, in output pixels.</param>
    /// <param name="scale">Integer nearest-neighbour upscaling of every image, so that small images are visible.</param>
    public static void SavePng(
        ReadOnlySpan<float> pixels, int count, int channels, int height, int width, string path,
        int? columns = null, int padding = 2, int scale = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllBytes(path, EncodePng(pixels, count, channels, height, width, columns, padding, scale));
    }

    /// <summary>Encodes a grid of images as PNG bytes.</summary>
    /// <param name="pixels">All images, one after another, each planar C×H×W with values 0..255 (clamped and rounded).</param>
    /// <param name="count">The number of images.</param>
    /// <param name="channels">1 for grey, 3 for RGB.</param>
    /// <param name="height">The height of one image in pixels.</param>
    /// <param name="width">The width of one image in pixels.</param>
    /// <param name="columns">The number of grid columns; by default the ceiling of the square root of <paramref name="count"/>.</param>
    /// <param name="padding">Background pixels between tiles and around the edge, in output pixels.</param>
    /// <param name="scale">Integer nearest-neighbour upscaling of every image, so that small images are visible.</param>
    /// <returns>The PNG file content.</returns>
    public static byte[] EncodePng(
        ReadOnlySpan<float> pixels, int count, int channels, int height, int width,
        int? columns = null, int padding = 2, int scale = 1)
    {
        var layout = ImageGridLayout.Create(count, height, width, columns, padding, scale);
        if (channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, $"Expected 1 (grey) or 3 (RGB) channels, found {channels}.");
        }
        long expected = (long)count * channels * height * width;
        if (pixels.Length != expected)
        {
            throw new ArgumentException(
                $"Expected {expected} pixel values ({count} images × {channels} channels × {height} × {width}), found {pixels.Length}.",
                nameof(pixels));
        }

        var info = new SKImageInfo(layout.CanvasWidth, layout.CanvasHeight, SKColorType.Rgba8888, SKAlphaType.Opaque);
        int rowBytes = info.RowBytes;
        var canvas = new byte[info.BytesSize];
        FillBackground(canvas);
        int plane = height * width;
        for (int image = 0; image < count; image++)
        {
            ReadOnlySpan<float> source = pixels.Slice(image * channels * plane, channels * plane);
            var (left, top) = layout.TileOrigin(image);
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    int at = y * width + x;
                    byte red = ToByte(source[at]);
                    byte green = channels == 3 ? ToByte(source[plane + at]) : red;
                    byte blue = channels == 3 ? ToByte(source[2 * plane + at]) : red;
                    for (int dy = 0; dy < scale; dy++)
                    {
                        int offset = (top + y * scale + dy) * rowBytes + (left + x * scale) * 4;
                        for (int dx = 0; dx < scale; dx++, offset += 4)
                        {
                            canvas[offset] = red;
                            canvas[offset + 1] = green;
                            canvas[offset + 2] = blue;
                            canvas[offset + 3] = 255;
                        }
                    }
                }
            }
        }

        using var skImage = SKImage.FromPixelCopy(info, canvas, rowBytes);
        using var data = skImage.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void FillBackground(Span<byte> canvas)
    {
        ReadOnlySpan<byte> pixel = [Background.Red, Background.Green, Background.Blue, 255];
        for (int offset = 0; offset < canvas.Length; offset += 4)
        {
            pixel.CopyTo(canvas[offset..]);
        }
    }

    // Generators can overshoot 0..255 and early training can produce NaN; both must still give a picture.
    private static byte ToByte(float value) =>
        float.IsNaN(value) ? (byte)0 : (byte)Math.Clamp(MathF.Round(value, MidpointRounding.AwayFromZero), 0f, 255f);
}
