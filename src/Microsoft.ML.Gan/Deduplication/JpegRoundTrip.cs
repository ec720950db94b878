using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Reporting;
using SkiaSharp;

namespace Microsoft.ML.Gan.Deduplication;

/// <summary>Re-encodes one planar grey or RGB image as a JPEG and decodes it again: the artefacts of a re-saved copy.</summary>
internal static class JpegRoundTrip
{
    /// <summary>The image after a JPEG round trip at <paramref name="quality"/> (0..100), planar, 0..255.</summary>
    public static float[] Apply(float[] pixels, ImageShape shape, int quality)
    {
        using var original = SKBitmap.Decode(ImageGrid.EncodePng(pixels, 1, shape.Channels, shape.Height, shape.Width, columns: 1, padding: 0));
        using var jpeg = original.Encode(SKEncodedImageFormat.Jpeg, quality);
        using var decoded = SKBitmap.Decode(jpeg);
        var result = new float[shape.Size];
        var plane = shape.Height * shape.Width;
        for (var y = 0; y < shape.Height; y++)
        {
            for (var x = 0; x < shape.Width; x++)
            {
                var colour = decoded.GetPixel(x, y);
                var at = y * shape.Width + x;
                if (shape.Channels == 1)
                {
                    result[at] = (colour.Red + colour.Green + colour.Blue) / 3f;
                    continue;
                }
                result[at] = colour.Red;
                result[plane + at] = colour.Green;
                result[2 * plane + at] = colour.Blue;
            }
        }
        return result;
    }
}
