using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Data;

/// <summary>Checks that a schema has a column holding a known-size vector of Single values.</summary>
internal static class VectorColumn
{
    /// <summary>
    /// Throws an <see cref="ArgumentOutOfRangeException"/> naming the column, what was expected and what was found,
    /// unless <paramref name="schema"/> has <paramref name="column"/> as a Single vector of <paramref name="size"/>
    /// values (any size when null). Returns the column's type.
    /// </summary>
    public static VectorDataViewType Check(DataViewSchema schema, string column, int? size, string meaning)
    {
        var expected = size is { } n ? $"a vector of {n} Single values ({meaning})" : $"a known-size vector of Single values ({meaning})";
        if (schema.GetColumnOrNull(column) is not { } found)
        {
            var available = string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"));
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"Column '{column}' not found: expected {expected}. Columns present: {available}.");
        }
        if (found.Type is not VectorDataViewType { ItemType: NumberDataViewType } vector
            || vector.ItemType != NumberDataViewType.Single || !vector.IsKnownSize)
        {
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"Column '{column}' must be {expected}; found {found.Type}.");
        }
        if (size is { } length && vector.Size != length)
        {
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"Column '{column}' must be {expected}; found a vector of {vector.Size} values.");
        }
        return vector;
    }

    /// <summary>The dense values of the vector column <paramref name="column"/>, row by row, streamed.</summary>
    public static IEnumerable<float[]> Read(IDataView data, string column) =>
        data.GetColumn<VBuffer<float>>(column).Select(vector => vector.DenseValues().ToArray());
}
