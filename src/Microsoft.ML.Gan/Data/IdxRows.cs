using System.Collections;

namespace Microsoft.ML.Gan.Data;

/// <summary>
/// The rows of an IDX images file and its optional labels file, read afresh by every enumeration (each ML.NET cursor)
/// so that only one image is ever in memory.
/// </summary>
internal sealed class IdxRows : IEnumerable<IdxRow>
{
    private readonly IdxFile _images;
    private readonly IdxFile? _labels;
    private readonly int _count;
    private readonly int _padding;

    /// <summary>Describes the rows to read.</summary>
    /// <param name="images">The images file.</param>
    /// <param name="labels">The labels file, or <see langword="null"/>.</param>
    /// <param name="count">Number of rows to read from the start.</param>
    /// <param name="padding">Pixels of 0 around each image, on every side.</param>
    public IdxRows(IdxFile images, IdxFile? labels, int count, int padding)
    {
        _images = images;
        _labels = labels;
        _count = count;
        _padding = padding;
    }

    /// <summary>Reads the files from the start.</summary>
    /// <returns>The rows; one <see cref="IdxRow"/> instance is reused, as ML.NET copies each row before moving on.</returns>
    public IEnumerator<IdxRow> GetEnumerator()
    {
        using var images = _images.OpenItems();
        using var labels = _labels?.OpenItems();
        var bytes = new byte[_images.ItemSize];
        var label = new byte[1];
        var (height, width) = (_images.ItemDimensions[0], _images.ItemDimensions[1]);
        var paddedWidth = width + 2 * _padding;
        // The frame stays 0: only the image's own pixels are written, row by row, inside it.
        var row = new IdxRow { Pixels = new float[(height + 2 * _padding) * paddedWidth] };
        for (int i = 0; i < _count; i++)
        {
            _images.ReadItem(images, i, bytes);
            for (int y = 0; y < height; y++)
            {
                var destination = row.Pixels.AsSpan((y + _padding) * paddedWidth + _padding, width);
                for (int x = 0; x < width; x++)
                {
                    destination[x] = bytes[y * width + x];
                }
            }
            if (labels is not null)
            {
                _labels!.ReadItem(labels, i, label);
                row.Label = label[0];
            }
            yield return row;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
