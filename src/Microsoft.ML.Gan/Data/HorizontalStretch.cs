namespace Microsoft.ML.Gan.Data;

/// <summary>
/// An image stretched across about its vertical centre line, every row and channel alike: each output pixel is linearly
/// interpolated from the two nearest input pixels, and what lies beyond the input's edges is a fill value.
/// </summary>
internal static class HorizontalStretch
{
    /// <summary>
    /// <paramref name="image"/> (planar <paramref name="shape"/>) made <paramref name="factor"/> times as wide about its
    /// centre (under 1 narrower, the uncovered sides <paramref name="fill"/>; over 1 wider, the sides cut off).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is not positive and finite.</exception>
    public static float[] Apply(ReadOnlySpan<float> image, ImageShape shape, float factor, float fill)
    {
        if (!(factor > 0 && float.IsFinite(factor)))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "A stretch factor is a positive, finite number.");
        }
        var width = shape.Width;
        var stretched = new float[shape.Size];
        var centre = (width - 1) / 2f;
        for (var x = 0; x < width; x++)
        {
            var from = centre + ((x - centre) / factor);
            var left = (int)MathF.Floor(from);
            var share = from - left;
            for (var offset = 0; offset < shape.Size; offset += width)
            {
                stretched[offset + x] = ((1 - share) * At(image, offset, width, left, fill)) + (share * At(image, offset, width, left + 1, fill));
            }
        }
        return stretched;
    }

    private static float At(ReadOnlySpan<float> image, int offset, int width, int x, float fill) =>
        x >= 0 && x < width ? image[offset + x] : fill;
}
