using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Data;

/// <summary>
/// The luminance of planar images on their own pixel scale: BT.601's shares for three channels, the mean of the
/// channels otherwise (one channel is its own luminance); and the ground of a portrait, the mean luminance of its two
/// top corner patches, where neither a head nor a body reaches.
/// </summary>
internal static class ImageLuminance
{
    /// <summary>The side, as a fraction of the image's width, of each top corner patch that gives the ground.</summary>
    public const float CornerShare = 0.125f;

    /// <summary>The luminance of the pixel at row <paramref name="y"/>, column <paramref name="x"/> of <paramref name="image"/>.</summary>
    public static double At(ReadOnlySpan<float> image, ImageShape shape, int y, int x)
    {
        var plane = shape.Height * shape.Width;
        var pixel = (y * shape.Width) + x;
        var sum = 0.0;
        for (var channel = 0; channel < shape.Channels; channel++)
        {
            var share = shape.Channels == LuminanceInput.Bt601.Length ? LuminanceInput.Bt601[channel] : 1.0 / shape.Channels;
            sum += share * image[(channel * plane) + pixel];
        }
        return sum;
    }

    /// <summary>The mean luminance of the two top corner patches of <paramref name="image"/>, each <see cref="CornerShare"/> of the width on a side.</summary>
    public static double Ground(ReadOnlySpan<float> image, ImageShape shape)
    {
        var corner = Math.Max(1, (int)(shape.Width * CornerShare));
        var ground = 0.0;
        for (var y = 0; y < corner; y++)
        {
            for (var x = 0; x < corner; x++)
            {
                ground += At(image, shape, y, x) + At(image, shape, y, shape.Width - 1 - x);
            }
        }
        return ground / (2 * corner * corner);
    }
}
