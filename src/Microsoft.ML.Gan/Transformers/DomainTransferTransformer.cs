using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Evaluation;
using Microsoft.ML.Gan.Reporting;
using Microsoft.ML.Gan.Transformers;

namespace Microsoft.ML.Gan;

/// <summary>
/// A trained Domain Transfer Network G = g ∘ f as an ML.NET transformer: maps source images (planar C×H×W, 0..255) to
/// target-domain images of the same identity (planar, the target's channels, 0..255). It scores one ONNX graph of g ∘ f
/// through ML.NET's OnnxTransformer, so <see cref="ModelOperationsCatalog.Save(ITransformer, DataViewSchema, string)"/>
/// writes a zip that any ML.NET application loads.
/// </summary>
public sealed class DomainTransferTransformer : OnnxBackedTransformer
{
    private readonly TransformsCatalog _catalog;
    private readonly EncoderScorer _sourceEncoder;
    private readonly EncoderScorer _targetEncoder;

    internal DomainTransferTransformer(ITransformer scorer, OnnxModelFile modelFile, TransformsCatalog catalog, EncoderScorer sourceEncoder,
        EncoderScorer targetEncoder, string inputColumnName, ImageShape sourceShape, string outputColumnName, ImageShape targetShape,
        TrainingHistory history)
        : base(scorer, modelFile)
    {
        _catalog = catalog;
        _sourceEncoder = sourceEncoder;
        _targetEncoder = targetEncoder;
        InputColumnName = inputColumnName;
        SourceShape = sourceShape;
        OutputColumnName = outputColumnName;
        TargetShape = targetShape;
        History = history;
    }

    /// <summary>Name of the source image column the transformer reads.</summary>
    public string InputColumnName { get; }

    /// <summary>Shape of the source images.</summary>
    public ImageShape SourceShape { get; }

    /// <summary>Name of the output column: the transferred image, a known-size Single vector of <see cref="TargetShape"/>, 0..255.</summary>
    public string OutputColumnName { get; }

    /// <summary>Shape of the transferred (target-domain) images.</summary>
    public ImageShape TargetShape { get; }

    /// <summary>The per-epoch training history: G's and D's losses, D's probability of "real target" for real targets and for G(s).</summary>
    public TrainingHistory History { get; }

    /// <summary>
    /// The f-constancy of the transfer: the mean of ‖f(s) − f(G(s))‖ / ‖f(s)‖ over the source images, beside the same
    /// distance to the transfer of a random other source image and, when <paramref name="target"/> is given, to f of a
    /// random target image. f is the frozen encoder L_CONST compared in training: the network's encoder, or
    /// <see cref="DomainTransferOptions.ConstancyEncoder"/> when one was given (a transformer loaded from a zip has no f
    /// of its own: measure the one that was trained); with features standardised per domain
    /// (<see cref="DomainTransferOptions.StandardiseFeaturesPerDomain"/>), f(s) is standardised by the source's statistics
    /// and f of target-domain images (G(s) and t) by the target's, as L_CONST reads them.
    /// </summary>
    /// <param name="source">Source images in <see cref="InputColumnName"/>; at least two. Their features are held in memory (one vector per image).</param>
    /// <param name="target">Target images for the second baseline, or null for none.</param>
    /// <param name="targetColumnName">The target's image column (of <see cref="TargetShape"/>); null for <see cref="InputColumnName"/>.</param>
    /// <param name="seed">Seed of the random pairings.</param>
    /// <returns>The mean relative distances and the number of source images measured.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A missing or mistyped image column, named with the expected and the found shape.</exception>
    public DomainTransferConstancy MeasureConstancy(IDataView source, IDataView? target = null, string? targetColumnName = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        var transferred = Transform(source);
        var targetFeatures = target is null ? null : TargetFeatures(target, targetColumnName ?? InputColumnName);
        return ConstancyMeasure.Compute(Features(_sourceEncoder, source, InputColumnName, SourceShape),
            Features(_targetEncoder, transferred, OutputColumnName, TargetShape), targetFeatures, seed);
    }

    private List<float[]> TargetFeatures(IDataView target, string columnName)
    {
        VectorColumn.Check(target.Schema, columnName, TargetShape.Size, $"a target image of {TargetShape}, planar, 0..255");
        return Features(_targetEncoder, target, columnName, TargetShape);
    }

    /// <summary><paramref name="encoder"/>'s features of the images in <paramref name="columnName"/> (of <paramref name="shape"/>, brought to the target's channels).</summary>
    private List<float[]> Features(EncoderScorer encoder, IDataView data, string columnName, ImageShape shape)
    {
        var images = ImageChannels.Repeat(_catalog, data, columnName, shape.Channels, EncoderScorer.InputColumnName, TargetShape.Channels);
        return VectorColumn.Read(encoder.Scorer.Transform(images), EncoderScorer.OutputColumnName).ToList();
    }

    /// <summary>Releases the scorers and deletes the ONNX files when <paramref name="disposing"/>.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sourceEncoder.Dispose();
            _targetEncoder.Dispose();
        }
        base.Dispose(disposing);
    }

    private protected override void CheckInput(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        VectorColumn.Check(inputSchema, InputColumnName, SourceShape.Size, $"a source image of {SourceShape}, planar, 0..255");
    }
}
