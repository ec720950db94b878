using Microsoft.ML.Gan.Catalog;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Onnx;
using Microsoft.ML.Gan.Transformers;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan;

/// <summary>
/// Turns a DCGAN discriminator (trained in memory, saved as discriminator.zip, or untrained) into a features
/// transformer. Nothing is trained: the discriminator's weights are read when the estimator is created and written as a
/// features-only ONNX graph of the chosen layers and grid; <see cref="Fit"/> binds it to the input schema. Created by
/// <c>mlContext.Transforms.Gan.DiscriminatorFeatures</c>.
/// </summary>
/// <remarks>
/// Input column: a known-size vector of <see cref="float"/>, planar C×H×W with values 0..255, of the discriminator's
/// image shape. Output column: a known-size vector of <see cref="float"/> (<see cref="FeatureCount"/> values).
/// </remarks>
public sealed class DiscriminatorFeaturesEstimator : IEstimator<DiscriminatorFeaturesTransformer>
{
    private readonly TransformsCatalog _catalog;
    private readonly GanEnvironment _environment;
    private readonly DiscriminatorFeaturesOptions _options;
    private readonly byte[] _graph;
    private readonly int[] _layers;

    internal DiscriminatorFeaturesEstimator(TransformsCatalog catalog, DiscriminatorFeaturesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _catalog = catalog;
        _environment = GanEnvironment.From(catalog);
        _options = options;
        using var discriminator = LoadDiscriminator(options);
        var stages = discriminator.Layout.Stages;
        _layers = options.Layers is { Length: > 0 } chosen ? [.. chosen.Order()] : [.. Enumerable.Range(0, stages)];
        if (_layers[0] < 0 || _layers[^1] >= stages || _layers.Distinct().Count() != _layers.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(options),
                $"{nameof(options.Layers)} must be distinct hidden layers from 0 to {stages - 1} of this discriminator; found [{string.Join(", ", options.Layers!)}].");
        }
        ImageShape = discriminator.Layout.Image;
        FeatureCount = discriminator.FeatureCount(options.Grid, _layers);
        _graph = DcganOnnxExport.DiscriminatorFeatures(discriminator, options.InputColumnName, options.OutputColumnName, _layers, options.Grid);
    }

    /// <summary>Shape of the images the discriminator reads.</summary>
    public ImageShape ImageShape { get; }

    /// <summary>Length of the features vector the transformer writes.</summary>
    public int FeatureCount { get; }

    /// <summary>Binds the features graph to <paramref name="input"/>'s schema (checking its image column); nothing is trained.</summary>
    public DiscriminatorFeaturesTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        VectorColumn.Check(input.Schema, _options.InputColumnName, ImageShape.Size, $"an image of {ImageShape}, planar, 0..255");
        var file = OnnxModelFile.Write(_environment.TempFilePath, "features", _graph);
        try
        {
            var scorer = _catalog.ApplyOnnxModel([_options.OutputColumnName], [_options.InputColumnName], file.Path,
                _environment.GpuDeviceId, _environment.FallbackToCpu).Fit(input);
            return new DiscriminatorFeaturesTransformer(scorer, file, _options.InputColumnName, ImageShape,
                _options.OutputColumnName, FeatureCount, _layers, _options.Grid);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Checks that the image column is a vector of Single values and adds the features column.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        ImageSchemaShape.AddVectorOutputs(_catalog, inputSchema, _options.InputColumnName, _options.OutputColumnName);

    private DcganDiscriminator LoadDiscriminator(DiscriminatorFeaturesOptions options)
    {
        if (options.Discriminator is { } trained)
        {
            return DcganOnnxImport.Discriminator(trained.OnnxModelBytes(), "The in-memory GanTransformer");
        }
        if (options.ModelPath is { } path)
        {
            var source = $"Model file '{Path.GetFullPath(path)}'";
            var models = SavedOnnxModels.Read(path);
            if (models.Count != 1)
            {
                throw new InvalidDataException($"{source} holds {models.Count} ONNX models; a discriminator.zip of Microsoft.ML.Gan holds one.");
            }
            return DcganOnnxImport.Discriminator(models[0], source);
        }
        var shape = options.UntrainedImageShape!;
        manual_seed(options.Seed ?? _environment.Host.Register(nameof(DiscriminatorFeaturesEstimator)).Rand.Next());
        var untrained = new DcganDiscriminator(DcganLayout.For(shape, latentSize: 1, generatorWidth: 1, options.UntrainedWidth));
        untrained.eval();
        return untrained;
    }
}
