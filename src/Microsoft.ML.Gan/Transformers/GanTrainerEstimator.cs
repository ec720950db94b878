using Microsoft.ML.Data;
using Microsoft.ML.Gan.Catalog;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Training;
using Microsoft.ML.Gan.Transformers;
using Microsoft.ML.Runtime;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan;

/// <summary>
/// What every GAN trainer of this library does with its <see cref="GanTrainerOptions"/>: reads batches of an image
/// column, trains its generator and discriminator against each other, and returns them as a <see cref="GanTransformer"/>
/// (the discriminator maps images to <c>Score</c> and <c>Features</c>; <see cref="GanTransformer.Generator"/> maps latent
/// vectors to images). The trainers differ only in their networks.
/// </summary>
/// <remarks>
/// Input column: a known-size vector of <see cref="float"/>, planar C×H×W with values 0..255, as ExtractPixels gives with
/// its defaults. Output columns: <c>Score</c>, a vector of one <see cref="float"/> (the sigmoid of the discriminator's
/// output), and <c>Features</c>, a known-size vector of <see cref="float"/>.
/// </remarks>
public abstract class GanTrainerEstimator : IEstimator<GanTransformer>
{
    private readonly TransformsCatalog _catalog;
    private readonly GanEnvironment _environment;
    private readonly GanTrainerOptions _options;

    private protected GanTrainerEstimator(TransformsCatalog catalog, GanTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _catalog = catalog;
        _environment = GanEnvironment.From(catalog);
        _options = options;
    }

    /// <summary>
    /// Plans the networks for the training images, or explains why they cannot be followed. Internal rather than
    /// private so that the Samples benchmark can train the very same networks in a hand-written loop.
    /// </summary>
    internal abstract GanArchitecture Plan(ImageShape image);

    /// <summary>The growth schedule of a progressive <paramref name="architecture"/>; null (the default) for networks that do not grow.</summary>
    internal virtual GrowthSchedule? Growth(GanArchitecture architecture) => null;

    /// <summary>Trains the networks on <paramref name="input"/> and exports them for scoring.</summary>
    public GanTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var host = _environment.Host.Register(GetType().Name);
        using var log = host.Start("GAN training");
        var seed = _options.Seed ?? host.Rand.Next();
        TorchDevice.LimitThreads(_options.TorchThreads);
        var device = TorchDevice.Select(_environment.GpuDeviceId, _environment.FallbackToCpu, log);
        using var reader = new PixelBatchReader(input, _options.InputColumnName, _options.BatchSize, _options.ImageShape,
            seed, shuffle: true, dropLastBatch: true, readAhead: ReadAheadPolicy.ReadAhead(device));
        var architecture = Plan(reader.Shape);
        manual_seed(seed);
        using var model = new AdversarialModel(architecture.CreateGenerator, architecture.CreateDiscriminator,
            architecture.LatentSize, AdversarialSettings.From(_options, seed), device);
        var settings = new GanTrainingSettings(_options.Epochs, seed, _options.TrainingDirectory, _options.Resume,
            _options.SampleCount, architecture.Title, _options.LatentDistribution, KeepBestEvaluation(architecture.Image),
            _options.TimeLimit, _options.Progress, _options.CancellationToken, Growth(architecture));
        using var loop = new GanTrainingLoop(model, reader, settings, log, device,
            $"{architecture.Identity}, generator average {_options.GeneratorAverageDecay}, discriminator average {_options.DiscriminatorAverageDecay}, feature matching {_options.GeneratorFeatureMatching}");
        var history = loop.Run();

        model.ExportedGenerator.eval();
        model.ExportedDiscriminator.eval();
        var generator = GanScorers.Generator(_catalog, _environment,
            architecture.ExportGenerator(model.ExportedGenerator, _options.LatentColumnName, _options.InputColumnName),
            _options.LatentColumnName, architecture.LatentSize, _options.LatentDistribution, _options.InputColumnName,
            architecture.Image, _options.GeneratorImageColumnName);
        var discriminatorBytes = architecture.ExportDiscriminator(model.ExportedDiscriminator, _options.InputColumnName,
            _options.ScoreColumnName, _options.FeaturesColumnName);
        return GanScorers.Discriminator(_catalog, _environment, discriminatorBytes, input, _options.InputColumnName,
            architecture.Image, _options.ScoreColumnName, _options.FeaturesColumnName, architecture.FeatureCount, generator, history);
    }

    /// <summary>Keep-best, when the options give a quality metric: pixels become a data view of the image column for it.</summary>
    private QualityEvaluation? KeepBestEvaluation(ImageShape image) => _options.QualityMetric is { } metric
        ? new QualityEvaluation(pixels => metric(GeneratedImages.Create(_options.InputColumnName, image, pixels)),
            _options.QualityEvaluationInterval, _options.QualitySampleCount)
        : null;

    /// <summary>
    /// Checks that the input column is a vector of Single values and adds <c>Score</c> and <c>Features</c>, before any
    /// training starts. (Sizes are checked by <see cref="Fit"/>, since a schema shape carries none.)
    /// </summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        ImageSchemaShape.AddVectorOutputs(_catalog, inputSchema, _options.InputColumnName, _options.ScoreColumnName, _options.FeaturesColumnName);
}
