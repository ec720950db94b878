using Microsoft.ML.Data;
using Microsoft.ML.Gan.Catalog;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Onnx;
using Microsoft.ML.Gan.Training;
using Microsoft.ML.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan;

/// <summary>
/// Trains a <see cref="DigitClassifier"/> on labelled images with TorchSharp (Adam, cross-entropy, shuffled batches),
/// deterministic for a given seed. Created by <c>mlContext.Transforms.Gan.TrainDigitClassifier</c>.
/// </summary>
/// <remarks>
/// Input columns: the images, a known-size vector of <see cref="float"/>, planar C×H×W with values 0..255, at least
/// 4×4; the labels, a number holding the class index. Output columns: class probabilities and features, known-size
/// vectors of <see cref="float"/>.
/// </remarks>
public sealed class DigitClassifierEstimator : IEstimator<DigitClassifier>
{
    // A labelled row is read as one vector: the pixels, then the label.
    private const string LabelValueColumnName = "DigitClassifier.Label";
    private const string RowColumnName = "DigitClassifier.Row";

    private readonly TransformsCatalog _catalog;
    private readonly GanEnvironment _environment;
    private readonly DigitClassifierOptions _options;

    internal DigitClassifierEstimator(TransformsCatalog catalog, DigitClassifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _catalog = catalog;
        _environment = GanEnvironment.From(catalog);
        _options = options;
    }

    /// <summary>Trains the classifier on <paramref name="input"/> and exports it for scoring.</summary>
    /// <param name="input">Labelled images.</param>
    /// <returns>The trained classifier.</returns>
    public DigitClassifier Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var shape = ImageColumn.Resolve(input.Schema, _options.InputColumnName, _options.ImageShape, "training data");
        var host = _environment.Host.Register(nameof(DigitClassifierEstimator));
        using var log = host.Start("Digit classifier");
        var seed = _options.Seed ?? host.Rand.Next();
        TorchDevice.LimitThreads(_options.TorchThreads);
        var device = TorchDevice.Select(_environment.GpuDeviceId, _environment.FallbackToCpu, log);
        using var network = TrainNetwork(_catalog, input, shape, _options, seed, device, log);
        var onnx = DigitClassifierOnnxExport.Export(network, _options.InputColumnName, _options.ProbabilitiesColumnName, _options.FeaturesColumnName);
        return DigitClassifier.Create(_catalog, _environment, onnx, _options.InputColumnName, shape,
            _options.ProbabilitiesColumnName, _options.ClassCount, _options.FeaturesColumnName, DigitClassifierNetwork.FeatureCount);
    }

    /// <summary>
    /// Trains a classifier network on the labelled images of <paramref name="input"/> (column names, classes and
    /// schedule from <paramref name="options"/>) on <paramref name="device"/>; returned in eval mode.
    /// </summary>
    internal static DigitClassifierNetwork TrainNetwork(TransformsCatalog catalog, IDataView input, ImageShape shape,
        DigitClassifierOptions options, int seed, Device device, IChannel log)
    {
        var labelled = LabelColumn.AsSingle(catalog, input, options.LabelColumnName, LabelValueColumnName, "training data");
        var rows = catalog.Concatenate(RowColumnName, options.InputColumnName, LabelValueColumnName).Fit(labelled).Transform(labelled);
        using var reader = new PixelBatchReader(rows, RowColumnName, options.BatchSize, new ImageShape(1, 1, shape.Size + 1), seed);
        using var unlabelled = options.UnlabelledImages is { } images
            ? new PixelBatchReader(images, options.UnlabelledColumnName ?? options.InputColumnName, options.BatchSize, shape, seed + 1,
                dataName: "unlabelled images")
            : null;
        manual_seed(seed);
        var network = new DigitClassifierNetwork(shape, options.ClassCount);
        network.to(device);
        using var training = new DigitClassifierTraining(network, reader, options.LabelColumnName, options.LearningRate, options.Deformation, device,
            unlabelled, options.PseudoLabelConfidence);
        training.Run(options.Epochs, log, options.CancellationToken);
        return network;
    }

    /// <summary>Checks the image and label columns and adds the probabilities and features columns, before any training starts.</summary>
    /// <param name="inputSchema">The input's schema shape.</param>
    /// <returns>The output's schema shape.</returns>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var pixels = _options.InputColumnName;
        var image = Find(pixels);
        if (image is not { Kind: SchemaShape.Column.VectorKind.Vector } || image.Value.ItemType != NumberDataViewType.Single)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSchema),
                $"Column '{pixels}' must be a known-size vector of Single values (an image, planar C×H×W, 0..255); found {Describe(image)}.");
        }
        var label = Find(_options.LabelColumnName);
        if (label is not { Kind: SchemaShape.Column.VectorKind.Scalar } || label.Value.ItemType is not NumberDataViewType)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSchema),
                $"Column '{_options.LabelColumnName}' must be a number holding the class index; found {Describe(label)}.");
        }
        // SchemaShape columns cannot be built outside ML.NET; a Concatenate of the Single image column makes exactly
        // the column kind the classifier adds (a known-size Single vector), under each output name.
        return _catalog.Concatenate(_options.ProbabilitiesColumnName, pixels)
            .Append(_catalog.Concatenate(_options.FeaturesColumnName, pixels))
            .GetOutputSchema(inputSchema);

        SchemaShape.Column? Find(string name) =>
            inputSchema.Where(c => c.Name == name).Select(c => (SchemaShape.Column?)c).LastOrDefault();

        static string Describe(SchemaShape.Column? column) =>
            column is { } found ? $"{found.Kind} of {found.ItemType}" : "no such column";
    }
}
