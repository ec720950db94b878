using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Samples.SvmEval;

/// <summary>
/// One representation of every row, held in memory: the features vector and the class label. The representation is
/// computed once (an ONNX pass per row) and then sliced into many small training, validation and test sets.
/// </summary>
internal sealed class FeatureTable
{
    /// <summary>Name of the features column of the views this table makes.</summary>
    public const string FeaturesColumn = "Features";

    /// <summary>Name of the label column of the views this table makes.</summary>
    public const string LabelColumn = "Label";

    private FeatureTable(float[][] features, float[] labels)
    {
        Features = features;
        Labels = labels;
    }

    /// <summary>The features of each row.</summary>
    public float[][] Features { get; }

    /// <summary>The label of each row (a class number as Single, as LoadIdx gives it).</summary>
    public float[] Labels { get; }

    /// <summary>Length of each features vector.</summary>
    public int Width => Features[0].Length;

    /// <summary>Reads <paramref name="column"/> and <c>Label</c> of every row of <paramref name="data"/>.</summary>
    public static FeatureTable Read(IDataView data, string column)
    {
        var features = data.GetColumn<VBuffer<float>>(column).Select(row => row.DenseValues().ToArray()).ToArray();
        var labels = data.GetColumn<float>(LabelColumn).ToArray();
        return new FeatureTable(features, labels);
    }

    /// <summary>The rows <paramref name="rows"/> as a view of <c>Features</c> (known size) and <c>Label</c>.</summary>
    public IDataView View(MLContext mlContext, IReadOnlyList<int> rows)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Width);
        return mlContext.Data.LoadFromEnumerable(rows.Select(row => new Row { Features = Features[row], Label = Labels[row] }), schema);
    }

    /// <summary>One row of a view.</summary>
    private sealed class Row
    {
        public float[] Features = [];
        public float Label;
    }
}
