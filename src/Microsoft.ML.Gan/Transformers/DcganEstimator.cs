using Microsoft.ML.Data;
using Microsoft.ML.Gan.Catalog;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Onnx;
using Microsoft.ML.Gan.Training;
using Microsoft.ML.Runtime;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan;

/// <summary>
/// Trains a DCGAN (Radford, Metz and Chintala 2015) on an image column and returns it as a <see cref="GanTransformer"/>:
/// the discriminator maps images to <c>Score</c> and <c>Features</c>, <see cref="GanTransformer.Generator"/> maps latent
/// vectors to images. Created by <c>mlContext.Transforms.Gan.TrainDcgan</c>.
/// </summary>
/// <remarks>
/// Input column: a known-size vector of <see cref="float"/>, planar C×H×W with values 0..255, as ExtractPixels gives with
/// its defaults; 1 or 3 channels; 28×28 or a power of two from 16 to 128. Output columns: <c>Score</c>, a vector of one
/// <see cref="float"/> (probability that the image is real), and <c>Features</c>, a known-size vector of <see cref="float"/>.
/// </remarks>
public sealed class DcganEstimator : IEstimator<GanTransformer>
{
    private readonly TransformsCatalog _catalog;
    private readonly GanEnvironment _environment;
    private readonly DcganOptions _options;

    internal DcganEstimator(TransformsCatalog catalog, DcganOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _catalog = catalog;
        _environment = GanEnvironment.From(catalog);
        _options = options;
    }

    /// <summary>Trains the networks on <paramref name="input"/> and exports them for scoring.</summary>
    public GanTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var host = _environment.Host.Register(nameof(DcganEstimator));
        using var log = host.Start("DCGAN");
        var seed = _options.Seed ?? host.Rand.Next();
        using var reader = new PixelBatchReader(input, _options.InputColumnName, _options.BatchSize, _options.ImageShape,
            seed, shuffle: true, dropLastBatch: true);
        var layout = DcganLayout.For(reader.Shape, _options.LatentSize, _options.GeneratorWidth, _options.DiscriminatorWidth);
        if (_options.TorchThreads is { } threads)
        {
            set_num_threads(threads);
        }
        manual_seed(seed);
        var device = TorchDevice.Select(_environment.GpuDeviceId, _environment.FallbackToCpu, log);
        using var model = new DcganModel(layout, _options.LearningRate, _options.Beta1, _options.Beta2, _options.GeneratorAverageDecay, device);
        var title = $"DCGAN {layout.Image}";
        var settings = new GanTrainingSettings(_options.Epochs, seed, _options.TrainingDirectory, _options.Resume,
            _options.SampleCount, title, _options.Progress, _options.CancellationToken);
        using var loop = new GanTrainingLoop(model, reader, settings, log, device,
            $"{title}, latent {layout.LatentSize}, widths {layout.GeneratorWidth}/{layout.DiscriminatorWidth}, generator average {_options.GeneratorAverageDecay}");
        var history = loop.Run();

        model.SamplingGenerator.eval();
        model.Discriminator.eval();
        var generator = GanScorers.Generator(_catalog, _environment,
            DcganOnnxExport.Generator(model.SamplingGenerator, _options.LatentColumnName, _options.InputColumnName),
            _options.LatentColumnName, layout.LatentSize, _options.InputColumnName, layout.Image, _options.GeneratorImageColumnName);
        var discriminatorBytes = DcganOnnxExport.Discriminator(model.Discriminator, _options.InputColumnName,
            _options.ScoreColumnName, _options.FeaturesColumnName, _options.FeatureGrid);
        return GanScorers.Discriminator(_catalog, _environment, discriminatorBytes, input, _options.InputColumnName,
            layout.Image, _options.ScoreColumnName, _options.FeaturesColumnName,
            model.Discriminator.FeatureCount(_options.FeatureGrid), generator, history);
    }

    /// <summary>
    /// Checks that the input column is a vector of Single values and adds <c>Score</c> and <c>Features</c>, before any
    /// training starts. (Sizes are checked by <see cref="Fit"/>, since a schema shape carries none.)
    /// </summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        ImageSchemaShape.AddVectorOutputs(_catalog, inputSchema, _options.InputColumnName, _options.ScoreColumnName, _options.FeaturesColumnName);
}
