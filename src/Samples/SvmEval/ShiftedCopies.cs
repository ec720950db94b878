using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Samples.SvmEval;

/// <summary>
/// Virtual examples (Decoste and Schölkopf 2002): every image of a view again, moved by <see cref="Pixels"/> pixels
/// left, right, up and down (the uncovered border black), so that a linear SVM trained on a few labelled images and
/// their moved copies learns that a digit stays the same digit when it moves. Labels are unchanged; no new label is
/// drawn.
/// </summary>
/// <param name="Pixels">How far each copy moves; 0 for no copies.</param>
internal sealed record ShiftedCopies(int Pixels)
{
    /// <summary>The moves of the copies as (columns, rows): right, left, down, up.</summary>
    private (int X, int Y)[] Moves => Pixels == 0 ? [] : [(Pixels, 0), (-Pixels, 0), (0, Pixels), (0, -Pixels)];

    /// <summary>How many copies each image has.</summary>
    public int PerRow => Moves.Length;

    /// <summary>
    /// The rows of <paramref name="data"/> (<c>Pixels</c>, planar C×H×W, and <c>Label</c>) followed by their copies:
    /// with n rows, copy k of row r is row r + k·n (k from 1 to <see cref="PerRow"/>).
    /// </summary>
    public IDataView Append(MLContext mlContext, IDataView data)
    {
        if (PerRow == 0)
        {
            return data;
        }
        var pixelsType = (VectorDataViewType)data.Schema[GanDataCatalog.PixelsColumnName].Type;
        var (height, width) = (pixelsType.Dimensions[1], pixelsType.Dimensions[2]);
        var images = data.GetColumn<VBuffer<float>>(GanDataCatalog.PixelsColumnName).Select(row => row.DenseValues().ToArray()).ToArray();
        var labels = data.GetColumn<float>(GanDataCatalog.LabelColumnName).ToArray();
        var rows = Moves.Prepend((X: 0, Y: 0)).SelectMany(move => images.Select((image, index) =>
            new Row { Pixels = Move(image, height, width, move), Label = labels[index] }));
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Pixels)].ColumnType = pixelsType;
        return mlContext.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary><paramref name="rows"/> and every copy of each, with <paramref name="rowCount"/> original rows.</summary>
    public IEnumerable<int> WithCopies(IEnumerable<int> rows, int rowCount) =>
        rows.SelectMany(row => Enumerable.Range(0, PerRow + 1).Select(copy => row + copy * rowCount));

    /// <summary>The image moved by <paramref name="move"/>, each channel alike; pixels moved out are lost, pixels moved in are 0.</summary>
    private static float[] Move(float[] image, int height, int width, (int X, int Y) move)
    {
        var moved = new float[image.Length];
        var planeSize = height * width;
        for (var plane = 0; plane < image.Length; plane += planeSize)
        {
            for (var y = Math.Max(0, move.Y); y < Math.Min(height, height + move.Y); y++)
            {
                image.AsSpan(plane + (y - move.Y) * width + Math.Max(0, -move.X), width - Math.Abs(move.X))
                    .CopyTo(moved.AsSpan(plane + y * width + Math.Max(0, move.X)));
            }
        }
        return moved;
    }

    /// <summary>One row of the view.</summary>
    private sealed class Row
    {
        public float[] Pixels = [];
        public float Label;
    }
}
