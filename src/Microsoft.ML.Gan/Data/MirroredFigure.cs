namespace Microsoft.ML.Gan.Data;

/// <summary>
/// A figure mask made symmetric about the image's vertical centre line: a pixel is figure when it or its mirror image
/// is. A frontal portrait's head is near symmetric about the middle of the frame, so where a portrait's ground leaks
/// into one side of a face as dark (or as light) as it, the other side mends it.
/// </summary>
internal static class MirroredFigure
{
    /// <summary>
    /// Marks as figure every pixel of <paramref name="isGround"/> (row-major, <paramref name="width"/> across) whose
    /// mirror image across the vertical centre line is figure.
    /// </summary>
    public static void Apply(bool[] isGround, int width)
    {
        for (var rowStart = 0; rowStart < isGround.Length; rowStart += width)
        {
            for (var x = 0; x < width / 2; x++)
            {
                var (left, right) = (rowStart + x, rowStart + width - 1 - x);
                var ground = isGround[left] && isGround[right];
                (isGround[left], isGround[right]) = (ground, ground);
            }
        }
    }
}
