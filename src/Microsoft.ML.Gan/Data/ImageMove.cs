using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Data;

/// <summary>
/// A move of an image by whole pixels, <see cref="X"/> columns right and <see cref="Y"/> rows down (negative: left, up),
/// every channel alike: pixels moved past the edge are lost; the uncovered border is 0, or repeats the nearest edge pixel.
/// </summary>
/// <param name="X">Columns to the right (negative: to the left).</param>
/// <param name="Y">Rows down (negative: up).</param>
internal readonly record struct ImageMove(int X, int Y)
{
    /// <summary>No move: the image as it is.</summary>
    public static ImageMove None => new(0, 0);

    /// <summary>The moves by <paramref name="pixels"/> to the right, left, down and up (<see cref="GanDataCatalog.ShiftedCopiesPerRow"/> of them).</summary>
    public static ImageMove[] FourWays(int pixels) => [new(pixels, 0), new(-pixels, 0), new(0, pixels), new(0, -pixels)];

    /// <summary>Writes <paramref name="image"/> (planar <paramref name="shape"/>) moved into <paramref name="moved"/>, the border 0.</summary>
    public void Apply(in VBuffer<float> image, ImageShape shape, ref VBuffer<float> moved)
    {
        var editor = VBufferEditor.Create(ref moved, shape.Size);
        if (image.IsDense)
        {
            Apply(image.GetValues(), editor.Values, shape, repeatEdges: false);
        }
        else
        {
            var dense = new float[shape.Size];
            image.CopyTo(dense);
            Apply(dense, editor.Values, shape, repeatEdges: false);
        }
        moved = editor.Commit();
    }

    /// <summary>Writes <paramref name="source"/> (planar <paramref name="shape"/>) moved into <paramref name="destination"/>; the border repeats the edge when <paramref name="repeatEdges"/>, else it is 0.</summary>
    public void Apply(ReadOnlySpan<float> source, Span<float> destination, ImageShape shape, bool repeatEdges)
    {
        var (height, width) = (shape.Height, shape.Width);
        for (var plane = 0; plane < shape.Size; plane += height * width)
        {
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var (fromY, fromX) = (y - Y, x - X);
                    var inside = fromY >= 0 && fromY < height && fromX >= 0 && fromX < width;
                    destination[plane + y * width + x] = inside || repeatEdges
                        ? source[plane + Math.Clamp(fromY, 0, height - 1) * width + Math.Clamp(fromX, 0, width - 1)]
                        : 0;
                }
            }
        }
    }
}
