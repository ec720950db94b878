using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan;

/// <summary>A rectangle in an image, in pixels from the top-left corner: where the user marked an object.</summary>
/// <param name="Left">First column.</param>
/// <param name="Top">First row.</param>
/// <param name="Width">Columns covered.</param>
/// <param name="Height">Rows covered.</param>
public sealed record ImageBox(int Left, int Top, int Width, int Height)
{
    /// <summary>An object mask of <paramref name="shape"/>'s height × width (row-major): true inside any of <paramref name="boxes"/>.</summary>
    /// <param name="shape">The image shape; channels are ignored.</param>
    /// <param name="boxes">The boxes; parts outside the image are ignored.</param>
    public static bool[] Mask(ImageShape shape, params IReadOnlyList<ImageBox> boxes)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(boxes);
        var mask = new bool[shape.Height * shape.Width];
        foreach (var box in boxes)
        {
            if (box.Width <= 0 || box.Height <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(boxes), $"A box needs a positive width and height; found {box}.");
            }
            for (var row = Math.Max(0, box.Top); row < Math.Min(shape.Height, box.Top + box.Height); row++)
            {
                for (var column = Math.Max(0, box.Left); column < Math.Min(shape.Width, box.Left + box.Width); column++)
                {
                    mask[row * shape.Width + column] = true;
                }
            }
        }
        return mask;
    }
}
