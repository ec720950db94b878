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

    /// <summary>Describes the rows to read.</summary>
    /// <param name="images">The images file.</param>
    /// <param name="labels">The labels file, or <see langword="null"/>.</param>
    /// <param name="count">Number of rows to read from the start.</param>
    public IdxRows(IdxFile images, IdxFile? labels, int count)
    {
        _images = images;
        _labels = labels;
        _count = count;
    }

    /// <summary>Reads the files from the start.</summary>
    /// <returns>The rows; one <see cref="IdxRow"/> instance is reused, as ML.NET copies each row before moving on.</returns>
    public IEnumerator<IdxRow> GetEnumerator()
    {
        using var images = _images.OpenItems();
        using var labels = _labels?.OpenItems();
        var bytes = new byte[_images.ItemSize];
        var label = new byte[1];
        var row = new IdxRow { Pixels = new float[_images.ItemSize] };
        for (int i = 0; i < _count; i++)
        {
            _images.ReadItem(images, i, bytes);
            for (int j = 0; j < bytes.Length; j++)
            {
                row.Pixels[j] = bytes[j];
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
