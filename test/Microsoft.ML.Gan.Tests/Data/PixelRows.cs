using Microsoft.ML;
using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Tests.Data;

/// <summary>Builds small in-memory data views with a <c>Pixels</c> column for the data bridge tests.</summary>
internal static class PixelRows
{
    /// <summary>One row: a pixels vector.</summary>
    internal sealed class Row
    {
        /// <summary>The pixels.</summary>
        public float[] Pixels = [];
    }

    /// <summary>
    /// A view of <paramref name="rows"/> rows of <paramref name="size"/> values; every value of row <c>i</c> is
    /// <c>i</c>, so a batch tells which rows it holds. <paramref name="rowFactory"/> can replace rows.
    /// </summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="dimensions">Dimensions of the vector type (their product is the row size).</param>
    /// <param name="rowFactory">Optional: makes row <c>i</c> (may throw to simulate a failing source).</param>
    /// <returns>A lazily enumerated view.</returns>
    public static IDataView Create(MLContext mlContext, int rows, int[] dimensions, Func<int, float[]>? rowFactory = null)
    {
        int size = dimensions.Aggregate(1, (s, d) => s * d);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Pixels)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimensions);
        return mlContext.Data.LoadFromEnumerable(Enumerate(rows, size, rowFactory), schema);
    }

    /// <summary>The row index held by image <paramref name="image"/> of a batch made by <see cref="Create"/>.</summary>
    /// <param name="batch">The batch values.</param>
    /// <param name="size">Values per image.</param>
    /// <param name="image">Image index in the batch.</param>
    /// <returns>The source row index.</returns>
    public static int RowOf(float[] batch, int size, int image) => (int)batch[image * size];

    private static IEnumerable<Row> Enumerate(int rows, int size, Func<int, float[]>? rowFactory)
    {
        for (int i = 0; i < rows; i++)
        {
            yield return new Row { Pixels = rowFactory?.Invoke(i) ?? Enumerable.Repeat((float)i, size).ToArray() };
        }
    }
}
