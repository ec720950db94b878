using Microsoft.ML.Data;
using Microsoft.ML.Gan.Catalog;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Transformers;

namespace Microsoft.ML.Gan;

/// <summary>
/// A trained LeNet-like image classifier as an ML.NET transformer: it maps an image column (planar C×H×W, 0..255) to
/// class probabilities and to features (the penultimate layer's activations). It is the feature extractor of
/// <see cref="GanEvaluator"/>. Train one with <c>mlContext.Transforms.Gan.TrainDigitClassifier</c>; <see cref="Save"/>
/// writes a stock ML.NET zip (ONNX inside) and <see cref="Load"/> reads it back.
/// </summary>
public sealed class DigitClassifier : OnnxBackedTransformer
{
    private const string LabelValueColumnName = "DigitClassifier.Label";

    private readonly TransformsCatalog _catalog;

    private DigitClassifier(ITransformer scorer, OnnxModelFile? modelFile, TransformsCatalog catalog, string inputColumnName,
        ImageShape imageShape, string probabilitiesColumnName, int classCount, string featuresColumnName, int featureCount)
        : base(scorer, modelFile)
    {
        _catalog = catalog;
        InputColumnName = inputColumnName;
        ImageShape = imageShape;
        ProbabilitiesColumnName = probabilitiesColumnName;
        ClassCount = classCount;
        FeaturesColumnName = featuresColumnName;
        FeatureCount = featureCount;
    }

    /// <summary>Name of the image column the classifier reads.</summary>
    public string InputColumnName { get; }

    /// <summary>Shape of the images the classifier reads.</summary>
    public ImageShape ImageShape { get; }

    /// <summary>Name of the output column holding the class probabilities: a vector of <see cref="ClassCount"/> Single values.</summary>
    public string ProbabilitiesColumnName { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>Name of the output column holding the features: a vector of <see cref="FeatureCount"/> Single values.</summary>
    public string FeaturesColumnName { get; }

    /// <summary>Length of the features vector.</summary>
    public int FeatureCount { get; }

    /// <summary>A classifier scoring the ONNX graph in <paramref name="onnx"/> through ML.NET's OnnxTransformer.</summary>
    internal static DigitClassifier Create(TransformsCatalog catalog, GanEnvironment environment, byte[] onnx, string inputColumnName,
        ImageShape imageShape, string probabilitiesColumnName, int classCount, string featuresColumnName, int featureCount)
    {
        var file = OnnxModelFile.Write(environment.TempFilePath, "digit-classifier", onnx);
        var scorer = catalog.ApplyOnnxModel([probabilitiesColumnName, featuresColumnName], [inputColumnName], file.Path,
            environment.GpuDeviceId, environment.FallbackToCpu).Fit(NoImages(inputColumnName, imageShape));
        return new DigitClassifier(scorer, file, catalog, inputColumnName, imageShape, probabilitiesColumnName, classCount,
            featuresColumnName, featureCount);
    }

    /// <summary>Saves the classifier as an ML.NET model zip (the ONNX graph inside), loadable by <see cref="Load"/> or by stock ML.NET.</summary>
    /// <param name="path">The .zip file to create or overwrite.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        new MLContext().Model.Save(this, NoImages(InputColumnName, ImageShape).Schema, path);
    }

    /// <summary>Loads a classifier saved by <see cref="Save"/>.</summary>
    /// <param name="mlContext">The context to score in.</param>
    /// <param name="path">The .zip file.</param>
    /// <returns>The classifier, with the column names and sizes it was saved with.</returns>
    /// <exception cref="InvalidDataException">The zip is not a classifier saved by <see cref="Save"/>.</exception>
    public static DigitClassifier Load(MLContext mlContext, string path)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var scorer = mlContext.Model.Load(path, out var inputSchema);
        // Save writes a schema of the image column alone; the scorer adds probabilities, then features.
        var added = scorer.GetOutputSchema(inputSchema).Skip(inputSchema.Count).ToList();
        if (inputSchema.Count != 1 || added.Count != 2 || added.Any(c => c.Type is not VectorDataViewType { IsKnownSize: true }))
        {
            (scorer as IDisposable)?.Dispose();
            throw new InvalidDataException(
                $"'{path}' is not a saved digit classifier: expected one input column and two known-size vector outputs; found inputs [{string.Join(", ", inputSchema.Select(c => c.Name))}] and outputs [{string.Join(", ", added.Select(c => $"{c.Name}: {c.Type}"))}].");
        }
        var input = inputSchema[0];
        var shape = ImageColumn.Resolve(inputSchema, input.Name, expected: null, $"model '{path}'");
        return new DigitClassifier(scorer, modelFile: null, mlContext.Transforms, input.Name, shape,
            added[0].Name, ((VectorDataViewType)added[0].Type).Size, added[1].Name, ((VectorDataViewType)added[1].Type).Size);
    }

    /// <summary>The share of the images of <paramref name="data"/> whose most probable class is their label.</summary>
    /// <param name="data">Labelled images, e.g. held-out digits from <c>mlContext.Data.LoadIdx(images, labels)</c>.</param>
    /// <param name="labelColumnName">Name of the label column: a number holding the class index.</param>
    /// <returns>The accuracy, 0 to 1.</returns>
    public double EvaluateAccuracy(IDataView data, string labelColumnName = DigitClassifierOptions.Defaults.LabelColumnName)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelColumnName);
        var scored = Transform(LabelColumn.AsSingle(_catalog, data, labelColumnName, LabelValueColumnName, "evaluation data"));
        var probabilitiesColumn = scored.Schema[ProbabilitiesColumnName];
        var labelColumn = scored.Schema[LabelValueColumnName];
        using var cursor = scored.GetRowCursor([probabilitiesColumn, labelColumn]);
        var getProbabilities = cursor.GetGetter<VBuffer<float>>(probabilitiesColumn);
        var getLabel = cursor.GetGetter<float>(labelColumn);
        VBuffer<float> probabilities = default;
        float label = 0;
        long correct = 0, count = 0;
        while (cursor.MoveNext())
        {
            getProbabilities(ref probabilities);
            getLabel(ref label);
            var values = probabilities.DenseValues().ToArray();
            if (Array.IndexOf(values, values.Max()) == LabelColumn.ClassIndex(label, ClassCount, labelColumnName))
            {
                correct++;
            }
            count++;
        }
        return count == 0 ? throw new InvalidDataException($"The evaluation data has no rows: expected labelled images.") : (double)correct / count;
    }

    /// <summary>An empty view with the image column alone: what the scorer is fitted on and the schema a saved model keeps.</summary>
    private static IDataView NoImages(string inputColumnName, ImageShape shape)
    {
        var schema = SchemaDefinition.Create(typeof(ImageRow));
        schema[0].ColumnName = inputColumnName;
        schema[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, shape.Channels, shape.Height, shape.Width);
        return new MLContext().Data.LoadFromEnumerable(Array.Empty<ImageRow>(), schema);
    }

    private sealed class ImageRow
    {
        public float[] Pixels = [];
    }

    private protected override void CheckInput(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        VectorColumn.Check(inputSchema, InputColumnName, ImageShape.Size, $"an image of {ImageShape}, planar, 0..255");
    }
}
