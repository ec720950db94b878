namespace Microsoft.ML.Gan.Reporting;

/// <summary>
/// The geometry of an <see cref="ImageGrid"/>: how many rows and columns, where each tile starts, how large the canvas is.
/// </summary>
/// <param name="Columns">The number of tile columns.</param>
/// <param name="Rows">The number of tile rows.</param>
/// <param name="TileWidth">The width of one tile in output pixels (image width times scale).</param>
/// <param name="TileHeight">The height of one tile in output pixels (image height times scale).</param>
/// <param name="Padding">Background pixels between tiles and around the edge.</param>
internal readonly record struct ImageGridLayout(int Columns, int Rows, int TileWidth, int TileHeight, int Padding)
{
    // 4 bytes per RGBA pixel must fit one array.
    private const long MaxPixels = int.MaxValue / 4;

    /// <summary>The width of the whole picture in pixels.</summary>
    public int CanvasWidth => Columns * (TileWidth + Padding) + Padding;

    /// <summary>The height of the whole picture in pixels.</summary>
    public int CanvasHeight => Rows * (TileHeight + Padding) + Padding;

    /// <summary>Validates the arguments and lays out <paramref name="count"/> images in a near-square grid, row by row.</summary>
    public static ImageGridLayout Create(int count, int height, int width, int? columns, int padding, int scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        if (columns is { } given)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(given, nameof(columns));
        }

        int columnCount = columns ?? (int)Math.Ceiling(Math.Sqrt(count));
        int rowCount = (count + columnCount - 1) / columnCount;
        // Fail here with the sizes rather than with an overflow or an allocation error while drawing.
        long canvasWidth = columnCount * ((long)width * scale + padding) + padding;
        long canvasHeight = rowCount * ((long)height * scale + padding) + padding;
        if (canvasWidth * canvasHeight > MaxPixels)
        {
            throw new ArgumentException(
                $"Expected a grid of at most {MaxPixels} pixels, found {canvasWidth}×{canvasHeight} (reduce count, scale or padding).");
        }
        return new ImageGridLayout(columnCount, rowCount, width * scale, height * scale, padding);
    }

    /// <summary>The top-left output pixel of tile <paramref name="index"/>.</summary>
    public (int Left, int Top) TileOrigin(int index) =>
        (Padding + index % Columns * (TileWidth + Padding), Padding + index / Columns * (TileHeight + Padding));
}
