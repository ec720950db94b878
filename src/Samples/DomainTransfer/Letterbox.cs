using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Samples.DomainTransfer;

/// <summary>
/// Portraits narrower than the square frame, widened to it by ground at both sides, so that a whole head, outline and
/// all, stands inside the frame as the emoji heads do, rather than reaching past its edges as a centre crop of a
/// portrait does.
/// </summary>
internal static class Letterbox
{
    /// <summary>
    /// <paramref name="portraits"/>' <c>Pixels</c> images (planar, 0..255, at most <paramref name="width"/> wide)
    /// centred in images <paramref name="width"/> wide, the sides <see cref="HeadWidths.TopCornerGround"/> of each.
    /// </summary>
    public static IDataView Pad(MLContext mlContext, IDataView portraits, int width)
    {
        var from = ImageColumn.Resolve(portraits.Schema, GanDataCatalog.PixelsColumnName, expected: null, "portraits");
        var to = new ImageShape(from.Channels, from.Height, width);
        var left = (width - from.Width) / 2;
        return PixelMapping.Apply(mlContext, portraits, GanDataCatalog.PixelsColumnName, from, to, pixels =>
        {
            var padded = new float[to.Size];
            Array.Fill(padded, HeadWidths.TopCornerGround(pixels, from));
            for (var row = 0; row < from.Channels * from.Height; row++)
            {
                pixels.AsSpan(row * from.Width, from.Width).CopyTo(padded.AsSpan((row * width) + left));
            }
            return padded;
        });
    }
}
