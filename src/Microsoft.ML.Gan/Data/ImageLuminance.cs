using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Data;

/// <summary>
/// The luminance of planar images on their own pixel scale, by each channel's share (<see cref="LuminanceInput.ChannelShares"/>:
/// BT.601 for three channels, the mean of the channels otherwise); and the ground of a portrait, the mean luminance of
/// its two top corner patches, where neither a head nor a body reaches.
/// </summary>
internal static class ImageLuminance
{
    /// <summary>The side, as a fraction of the image's width, of each top corner patch that gives the ground.</summary>
    public const float CornerShare = 0.125f;

    /// <summary>The luminance of every pixel of <paramref name="image"/>, row by row (H × W values).</summary>
    public static double[] Of(ReadOnlySpan<float> image, ImageShape shape)
    {
        var shares = LuminanceInput.ChannelShares(shape.Channels);
        var luminance = new double[shape.Height * shape.Width];
        for (var channel = 0; channel < shape.Channels; channel++)
        {
            var plane = image.Slice(channel * luminance.Length, luminance.Length);
            for (var pixel = 0; pixel < luminance.Length; pixel++)
            {
                luminance[pixel] += shares[channel] * plane[pixel];
            }
        }
        return luminance;
    }

    /// <summary>
    /// The mean of the two top corner patches of <paramref name="luminance"/> (a plane from <see cref="Of"/>,
    /// <paramref name="width"/> pixels a row), each <see cref="CornerShare"/> of the width on a side.
    /// </summary>
    public static double Ground(IReadOnlyList<double> luminance, int width)
    {
        var corner = Math.Max(1, (int)(width * CornerShare));
        var ground = 0.0;
        for (var y = 0; y < corner; y++)
        {
            for (var x = 0; x < corner; x++)
            {
                ground += luminance[(y * width) + x] + luminance[(y * width) + width - 1 - x];
            }
        }
        return ground / (2 * corner * corner);
    }
}
