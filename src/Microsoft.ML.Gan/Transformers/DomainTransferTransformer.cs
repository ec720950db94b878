using Microsoft.ML.Gan.Data;
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
    internal DomainTransferTransformer(ITransformer scorer, OnnxModelFile modelFile, string inputColumnName, ImageShape sourceShape,
        string outputColumnName, ImageShape targetShape, TrainingHistory history)
        : base(scorer, modelFile)
    {
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

    private protected override void CheckInput(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        VectorColumn.Check(inputSchema, InputColumnName, SourceShape.Size, $"a source image of {SourceShape}, planar, 0..255");
    }
}
