using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Data;

/// <summary>Checks a class label column and gives it as Single, whatever number type it holds.</summary>
internal static class LabelColumn
{
    /// <summary>
    /// Returns <paramref name="data"/> with <paramref name="outputColumnName"/> added: <paramref name="labelColumnName"/>
    /// converted to Single. Throws, naming what was expected and found, unless the label is a number (a class index).
    /// </summary>
    public static IDataView AsSingle(TransformsCatalog catalog, IDataView data, string labelColumnName, string outputColumnName, string dataName)
    {
        var expected = "a number holding the class index, 0 to classes − 1";
        if (data.Schema.GetColumnOrNull(labelColumnName) is not { } column)
        {
            var available = string.Join(", ", data.Schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"));
            throw new ArgumentOutOfRangeException(nameof(labelColumnName),
                $"Label column '{labelColumnName}' not found in the {dataName}: expected {expected}. Columns present: {available}.");
        }
        if (column.Type is not NumberDataViewType)
        {
            throw new ArgumentOutOfRangeException(nameof(labelColumnName),
                $"Label column '{labelColumnName}' of the {dataName} must be {expected}; found {column.Type}.");
        }
        return catalog.Conversion.ConvertType(outputColumnName, labelColumnName, DataKind.Single).Fit(data).Transform(data);
    }

    /// <summary>The class index a Single label holds, or an exception naming the row's label when it is not one of <paramref name="classCount"/>.</summary>
    public static int ClassIndex(float label, int classCount, string labelColumnName)
    {
        if (label < 0 || label >= classCount || label != MathF.Floor(label))
        {
            throw new InvalidDataException(
                $"Label column '{labelColumnName}': expected class indices 0 to {classCount - 1}; found {label}.");
        }
        return (int)label;
    }
}
