namespace Microsoft.ML.Gan.Data;

/// <summary>The 4-neighbours of a pixel of a row-major image, those above, below, left and right of it that lie in the image.</summary>
internal static class FourNeighbours
{
    private static readonly (int Down, int Across)[] Steps = [(-1, 0), (1, 0), (0, -1), (0, 1)];

    /// <summary>
    /// Writes the indices of <paramref name="pixel"/>'s 4-neighbours in an image <paramref name="height"/> ×
    /// <paramref name="width"/> into <paramref name="neighbours"/> (room for 4) and returns how many there are.
    /// </summary>
    public static int Of(int pixel, int height, int width, Span<int> neighbours)
    {
        var (y, x) = (pixel / width, pixel % width);
        var count = 0;
        foreach (var (down, across) in Steps)
        {
            var (row, column) = (y + down, x + across);
            if (row >= 0 && row < height && column >= 0 && column < width)
            {
                neighbours[count++] = (row * width) + column;
            }
        }
        return count;
    }
}
