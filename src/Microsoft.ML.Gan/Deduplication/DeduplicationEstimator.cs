using Microsoft.ML.Data;
using Microsoft.ML.Gan.Catalog;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Deduplication;
using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan;

/// <summary>
/// Trains the DCGAN paper's de-duplication autoencoder (section 4.1.1) on an image column with TorchSharp: a denoising,
/// dropout-regularised ReLU autoencoder C×32×32 → 128 → C×32×32 on centre crops, deterministic for a given seed.
/// Created by <c>mlContext.Transforms.Gan.Deduplicate</c>.
/// </summary>
/// <remarks>
/// Input column: a known-size vector of <see cref="float"/>, planar C×H×W with values 0..255. Output columns: the
/// group (<see cref="uint"/>) and the duplicate flag (<see cref="bool"/>). Training memory is bounded by the batches;
/// grouping holds one 128-bit hash and group per row.
/// </remarks>
public sealed class DeduplicationEstimator : IEstimator<DeduplicationTransformer>
{
    private readonly TransformsCatalog _catalog;
    private readonly GanEnvironment _environment;
    private readonly DeduplicationOptions _options;

    internal DeduplicationEstimator(TransformsCatalog catalog, DeduplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _catalog = catalog;
        _environment = GanEnvironment.From(catalog);
        _options = options;
    }

    /// <summary>Trains the autoencoder on the images of <paramref name="input"/>.</summary>
    /// <param name="input">The images: the data to de-duplicate, or data like it.</param>
    /// <returns>The transformer that hashes and groups images.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The image column is missing or is not a known-size Single vector of an image.</exception>
    /// <exception cref="InvalidDataException">The data has no rows, or a pixel value that is not finite.</exception>
    public DeduplicationTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var host = _environment.Host.Register(nameof(DeduplicationEstimator));
        using var log = host.Start("Deduplication");
        var seed = _options.Seed ?? host.Rand.Next();
        using var reader = new PixelBatchReader(input, _options.InputColumnName, _options.BatchSize, _options.ImageShape, seed);
        TorchDevice.LimitThreads(_options.TorchThreads);
        manual_seed(seed);
        var device = TorchDevice.Select(_environment.GpuDeviceId, _environment.FallbackToCpu, log);
        var network = new DenoisingAutoencoder(CentreCrop.Mean(reader, device, map: null, _options.CancellationToken), _options.Dropout);
        try
        {
            network.to(device);
            using (var training = new AutoencoderTraining(network, "Deduplication autoencoder", reader, CentreCrop.Prepare, _options.LearningRate, _options.InputNoise, device))
            {
                training.Run(_options.Epochs, log, _options.CancellationToken);
            }
            var thresholds = _options.ThresholdAtUnitMean
                ? CentreCrop.Mean(reader, device, network.Code, _options.CancellationToken)
                : full(DeduplicationOptions.CodeSize, _options.CodeThreshold, device: device);
            return new DeduplicationTransformer(new SemanticHasher(network, thresholds, reader.Shape, _options.BatchSize, device), _options);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>Checks the image column and adds the group and duplicate flag columns, before any training starts.</summary>
    /// <param name="inputSchema">The input's schema shape.</param>
    /// <returns>The output's schema shape.</returns>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        ImageSchemaShape.CheckImage(inputSchema, _options.InputColumnName);
        // SchemaShape columns cannot be built outside ML.NET; a custom mapping declares exactly the two columns added.
        var outputs = SchemaDefinition.Create(typeof(DuplicateColumns));
        outputs[nameof(DuplicateColumns.Group)].ColumnName = _options.GroupColumnName;
        outputs[nameof(DuplicateColumns.IsDuplicate)].ColumnName = _options.IsDuplicateColumnName;
        return _catalog.CustomMapping<NoColumns, DuplicateColumns>((_, _) => { }, contractName: null, outputSchemaDefinition: outputs)
            .GetOutputSchema(inputSchema);
    }

    private sealed class NoColumns;

    private sealed class DuplicateColumns
    {
        public uint Group { get; set; }
        public bool IsDuplicate { get; set; }
    }
}
