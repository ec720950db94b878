using System.Globalization;
using Microsoft.ML.Gan.Catalog;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Onnx;
using Microsoft.ML.Gan.Reporting;
using Microsoft.ML.Gan.Training;
using Microsoft.ML.Gan.Transformers;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan;

/// <summary>
/// Trains a Domain Transfer Network (Taigman, Polyak and Wolf 2016): from unpaired source images (the data
/// <see cref="Fit"/> is given) and target images (<see cref="DomainTransferOptions.Target"/>) it learns G = g ∘ f, which
/// maps a source image to a target-domain image that keeps its identity under the frozen encoder f. Created by
/// <c>mlContext.Transforms.Gan.TrainDomainTransfer</c>.
/// </summary>
/// <remarks>
/// Input column: the source images, a known-size vector of <see cref="float"/>, planar C×H×W, 0..255, of the target's
/// height and width (28×28 or a power of two from 16 to 128), grey or with the target's channels (grey is replicated).
/// Output column: the transferred images, a known-size vector of <see cref="float"/> of the target's shape, 0..255.
/// </remarks>
public sealed class DomainTransferEstimator : IEstimator<DomainTransferTransformer>
{
    // The source images in the target's channels, as f and the before/after grids read them.
    private const string SourceAsTargetColumnName = "DomainTransfer.Source";

    private readonly TransformsCatalog _catalog;
    private readonly GanEnvironment _environment;
    private readonly DomainTransferOptions _options;

    internal DomainTransferEstimator(TransformsCatalog catalog, DomainTransferOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _catalog = catalog;
        _environment = GanEnvironment.From(catalog);
        _options = options;
    }

    /// <summary>Trains G on <paramref name="input"/> (the source images) and the options' target images, and exports g ∘ f for scoring.</summary>
    /// <param name="input">The source images, with a label column when the encoder is a source classifier.</param>
    /// <returns>The trained transformer.</returns>
    public DomainTransferTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (sourceShape, targetShape) = Shapes(input);
        var sourceAsTarget = ImageChannels.Repeat(_catalog, input, _options.InputColumnName, sourceShape.Channels, SourceAsTargetColumnName,
            targetShape.Channels);

        var host = _environment.Host.Register(nameof(DomainTransferEstimator));
        using var log = host.Start("Domain transfer training");
        var seed = _options.Seed ?? host.Rand.Next();
        TorchDevice.LimitThreads(_options.TorchThreads);
        manual_seed(seed);
        var device = TorchDevice.Select(_environment.GpuDeviceId, _environment.FallbackToCpu, log);
        var encoderSource = new EncoderSource(_catalog, sourceAsTarget, SourceAsTargetColumnName, targetShape, sourceShape.Channels, seed,
            device, log, _options.CancellationToken);
        using var model = NewModel(encoderSource, device);
        var readAhead = ReadAheadPolicy.ReadAhead(device);
        using var source = new PixelBatchReader(sourceAsTarget, SourceAsTargetColumnName, _options.BatchSize, targetShape, seed,
            dropLastBatch: true, dataName: "source data", readAhead: readAhead);
        using var target = new PixelBatchReader(_options.Target!, _options.TargetColumnName, _options.BatchSize, targetShape, seed + 1,
            dropLastBatch: true, dataName: "target data", readAhead: readAhead);
        using var samples = SampleImages(sourceAsTarget, targetShape);
        var title = "Domain transfer";
        var identity = string.Create(CultureInfo.InvariantCulture,
            $"DTN {sourceShape} → {targetShape}, f: {Described(model.Encoder)}, L_CONST: {Described(model.ConstancyEncoder)}{(_options.ConstancyOverClasses ? " over classes" : "")}, width {_options.Width}, D batch norm {_options.DiscriminatorBatchNorm}, D dropout {_options.DiscriminatorDropout}, features standardised per domain {_options.StandardiseFeaturesPerDomain} (σ floor {_options.SmallestFeatureDeviation} of the mean{(_options.SourceShapeExaggeration != 1 ? ", source shape exaggerated ×" + _options.SourceShapeExaggeration.ToString(CultureInfo.InvariantCulture) : "")}), α {_options.ConstancyWeight}, β {_options.IdentityWeight}, γ {_options.TotalVariationWeight}, g's weight average decay {_options.GeneratorAverageDecay}");
        var settings = new DomainTransferSettings(_options.Epochs, seed, _options.TrainingDirectory, _options.Resume, _options.StandardiseFeaturesPerDomain ? _options.SmallestFeatureDeviation : null,
            _options.SourceShapeExaggeration, title, identity,
            _options.Progress, _options.CancellationToken);
        TrainingHistory history;
        using (var training = new DomainTransferTraining(model, source, target, samples, settings, log, device))
        {
            history = training.Run();
        }

        var onnx = DomainTransferOnnxExport.Export(model, sourceShape, _options.InputColumnName, _options.OutputColumnName);
        var file = OnnxModelFile.Write(_environment.TempFilePath, "domain-transfer", onnx);
        var encoderImages = ImageChannels.Repeat(_catalog, input, _options.InputColumnName, sourceShape.Channels,
            EncoderScorer.InputColumnName, targetShape.Channels);
        EncoderScorer Encoder(bool sourceStatistics, string name) => new(_catalog, _environment, name,
            DomainTransferOnnxExport.ExportEncoder(model, sourceStatistics, EncoderScorer.InputColumnName, EncoderScorer.OutputColumnName), encoderImages);
        IEstimator<ITransformer> pipeline = _catalog.ApplyOnnxModel([_options.OutputColumnName], [_options.InputColumnName], file.Path,
            _environment.GpuDeviceId, _environment.FallbackToCpu);
        if (_options.OutputImageColumnName is { } imageColumn)
        {
            pipeline = pipeline.Append(GanScorers.ImageOutput(_catalog, _options.OutputColumnName, imageColumn, targetShape));
        }
        return new DomainTransferTransformer(pipeline.Fit(input), file, _catalog, Encoder(sourceStatistics: true, "domain-transfer-source-encoder"),
            Encoder(sourceStatistics: false, "domain-transfer-target-encoder"), _options.InputColumnName,
            sourceShape, _options.OutputColumnName, targetShape, history);
    }

    /// <summary>Builds f, then the constancy encoder when there is one, then the model that owns both.</summary>
    private DomainTransferModel NewModel(EncoderSource encoderSource, Device device)
    {
        var encoder = _options.Encoder.Create(encoderSource);
        FrozenEncoder? constancyEncoder = null;
        try
        {
            constancyEncoder = _options.ConstancyEncoder?.Create(encoderSource);
            return new DomainTransferModel(encoder, _options, device, constancyEncoder);
        }
        catch
        {
            encoder.Dispose();
            constancyEncoder?.Dispose();
            throw;
        }
    }

    private static string Described(PerDomainEncoder encoder) => $"{encoder.Frozen.Description} ({encoder.Frozen.FeatureCount} features)";

    /// <summary>The source and target image shapes, or an error naming the column, the expected and the found.</summary>
    private (ImageShape Source, ImageShape Target) Shapes(IDataView input)
    {
        var source = ImageColumn.Resolve(input.Schema, _options.InputColumnName, _options.SourceShape, "source data");
        var target = ImageColumn.Resolve(_options.Target!.Schema, _options.TargetColumnName, _options.TargetShape, "target data");
        if (source.Height != target.Height || source.Width != target.Width || (source.Channels != target.Channels && source.Channels != 1))
        {
            throw new ArgumentOutOfRangeException(nameof(input),
                $"Source column '{_options.InputColumnName}' must hold images of the target's size {target.Height}×{target.Width}, grey or with its {target.Channels} channels; found {source} (target column '{_options.TargetColumnName}': {target}). Resize the images first (ResizeImages).");
        }
        return (source, target);
    }

    /// <summary>The first <see cref="DomainTransferOptions.SampleCount"/> source images (fewer if the source has fewer), [N, C, H, W], 0..255.</summary>
    private Tensor SampleImages(IDataView sourceAsTarget, ImageShape shape)
    {
        using var reader = new PixelBatchReader(sourceAsTarget, SourceAsTargetColumnName, _options.SampleCount, shape, shuffle: false,
            dataName: "source data");
        var batch = reader.ReadEpoch(0, _options.CancellationToken).First();
        return tensor(batch.Pixels, [_options.SampleCount, shape.Channels, shape.Height, shape.Width]).narrow(0, 0, batch.Count).clone();
    }

    /// <summary>Checks the source and target image columns and adds the output column, before any training starts.</summary>
    /// <param name="inputSchema">The source's schema shape.</param>
    /// <returns>The output's schema shape.</returns>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        VectorColumn.Check(_options.Target!.Schema, _options.TargetColumnName, size: null, "a target image, planar C×H×W, 0..255");
        var output = ImageSchemaShape.AddVectorOutputs(_catalog, inputSchema, _options.InputColumnName, _options.OutputColumnName);
        return _options.OutputImageColumnName is { } imageColumn
            ? GanScorers.ImageOutput(_catalog, _options.OutputColumnName, imageColumn, new ImageShape(3, 1, 1)).GetOutputSchema(output)
            : output;
    }
}
