using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Data;

/// <summary>
/// A move of an image by whole pixels, <see cref="X"/> columns right and <see cref="Y"/> rows down (negative: left, up),
/// every channel alike: pixels moved past the edge are lost, the uncovered border is 0.
/// </summary>
/// <param name="X">Columns to the right (negative: to the left).</param>
/// <param name="Y">Rows down (negative: up).</param>
internal readonly record struct ImageMove(int X, int Y)
{
    /// <summary>No move: the image as it is.</summary>
    public static ImageMove None => new(0, 0);

    /// <summary>The moves by <paramref name="pixels"/> to the right, left, down and up (<see cref="GanDataCatalog.ShiftedCopiesPerRow"/> of them).</summary>
    public static ImageMove[] FourWays(int pixels) => [new(pixels, 0), new(-pixels, 0), new(0, pixels), new(0, -pixels)];

    /// <summary>Writes <paramref name="image"/> (planar <paramref name="shape"/>) moved into <paramref name="moved"/>.</summary>
    public void Apply(in VBuffer<float> image, ImageShape shape, ref VBuffer<float> moved)
    {
        var (height, width) = (shape.Height, shape.Width);
        var editor = VBufferEditor.Create(ref moved, shape.Size);
        var destination = editor.Values;
        if (image.IsDense)
        {
            Move(image.GetValues(), destination, height, width);
        }
        else
        {
            var dense = new float[shape.Size];
            image.CopyTo(dense);
            Move(dense, destination, height, width);
        }
        moved = editor.Commit();
    }

    private void Move(ReadOnlySpan<float> source, Span<float> destination, int height, int width)
    {
        destination.Clear();
        var rowLength = width - Math.Abs(X);
        if (rowLength <= 0 || Math.Abs(Y) >= height)
        {
            return;
        }
        for (var plane = 0; plane < source.Length; plane += height * width)
        {
            for (var y = Math.Max(0, Y); y < Math.Min(height, height + Y); y++)
            {
                source.Slice(plane + (y - Y) * width + Math.Max(0, -X), rowLength)
                    .CopyTo(destination.Slice(plane + y * width + Math.Max(0, X)));
            }
        }
    }
}
