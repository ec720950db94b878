using System.Globalization;

namespace Microsoft.ML.Gan.Data;

/// <summary>
/// A rectangle of an image given as fractions of its height and width, so that it names the same part of images of
/// any size: rows from <paramref name="Top"/> up to <paramref name="Bottom"/>, columns from <paramref name="Left"/> up
/// to <paramref name="Right"/>.
/// </summary>
/// <param name="Top">The first row, as a fraction of the height.</param>
/// <param name="Bottom">The end of the rows (not included), as a fraction of the height.</param>
/// <param name="Left">The first column, as a fraction of the width.</param>
/// <param name="Right">The end of the columns (not included), as a fraction of the width.</param>
internal sealed record ImageRegion(float Top, float Bottom, float Left, float Right)
{
    /// <summary>The mean luminance (<see cref="ImageLuminance.Of"/>) of the region's pixels in <paramref name="image"/>.</summary>
    /// <exception cref="ArgumentException">The region holds no pixel of images of <paramref name="shape"/>.</exception>
    public double MeanLuminance(float[] image, ImageShape shape)
    {
        var (top, bottom) = ((int)(shape.Height * Top), (int)(shape.Height * Bottom));
        var (left, right) = ((int)(shape.Width * Left), (int)(shape.Width * Right));
        if (bottom <= top || right <= left)
        {
            throw new ArgumentException($"The region of {this} holds no pixel of {shape} images.");
        }
        var luminance = ImageLuminance.Of(image, shape);
        var sum = 0.0;
        for (var y = top; y < bottom; y++)
        {
            for (var x = left; x < right; x++)
            {
                sum += luminance[(y * shape.Width) + x];
            }
        }
        return sum / ((bottom - top) * (right - left));
    }

    /// <summary>The region in words, such as "rows 5 % to 18 %, columns 33 % to 67 %".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"rows {Top:P0} to {Bottom:P0}, columns {Left:P0} to {Right:P0}");
}
