using Microsoft.ML.Gan.Catalog;

namespace Microsoft.ML.Gan.Transformers;

/// <summary>
/// A Domain Transfer Network's encoder f scored by ML.NET from its own ONNX graph: images of the target's shape, 0..255,
/// in <see cref="InputColumnName"/> to the features in <see cref="OutputColumnName"/>. Owns the graph's file.
/// </summary>
internal sealed class EncoderScorer : IDisposable
{
    /// <summary>The input column of f's graph: images of the target's shape, 0..255.</summary>
    public const string InputColumnName = "DomainTransferEncoderInput";

    /// <summary>The output column of f's graph: the features.</summary>
    public const string OutputColumnName = "DomainTransferEncoderFeatures";

    private readonly OnnxModelFile _file;

    /// <summary>Writes <paramref name="graph"/> to a file and fits ML.NET's ONNX scorer to it on the schema of <paramref name="images"/>.</summary>
    public EncoderScorer(TransformsCatalog catalog, GanEnvironment environment, string name, byte[] graph, IDataView images)
    {
        _file = OnnxModelFile.Write(environment.TempFilePath, name, graph);
        Scorer = catalog.ApplyOnnxModel([OutputColumnName], [InputColumnName], _file.Path, environment.GpuDeviceId, environment.FallbackToCpu)
            .Fit(images);
    }

    /// <summary>The fitted scorer.</summary>
    public ITransformer Scorer { get; }

    /// <summary>Releases the scorer and deletes the graph's file.</summary>
    public void Dispose()
    {
        (Scorer as IDisposable)?.Dispose();
        _file.Dispose();
    }
}
