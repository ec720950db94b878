using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// A streamed IDataView of any number of synthetic 1×28×28 images in a <c>Pixels</c> column: each row is made when a
/// cursor asks for it, in the one row object the enumeration reuses (a cursor copies the values out before it moves
/// on), so nothing of size N is ever held and the source itself makes no garbage: what memory grows is the
/// library's.
/// </summary>
internal static class SyntheticDigits
{
    private const int Side = 28;

    /// <summary>A view of <paramref name="rows"/> images, the same for every cursor; values 0..255.</summary>
    public static IDataView Create(MLContext mlContext, long rows)
    {
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 1, Side, Side);
        return mlContext.Data.LoadFromEnumerable(Generate(rows), definition);
    }

    // A bright square whose place and size follow the row number, on a dark background: cheap, varied, finite.
    private static IEnumerable<Row> Generate(long rows)
    {
        var current = new Row { Pixels = new float[Side * Side] };
        for (long row = 0; row < rows; row++)
        {
            var pixels = current.Pixels;
            Array.Clear(pixels);
            int size = 6 + (int)(row % 11), left = (int)(row * 7 % (Side - size)), top = (int)(row * 13 % (Side - size));
            for (int y = top; y < top + size; y++)
            {
                pixels.AsSpan(y * Side + left, size).Fill(255);
            }
            yield return current;
        }
    }

    private sealed class Row
    {
        public float[] Pixels = [];
    }
}
