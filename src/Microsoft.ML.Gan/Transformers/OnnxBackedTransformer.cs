using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Transformers;

/// <summary>
/// A transformer of this library that scores through ML.NET's OnnxTransformer. Everything ML.NET asks of it, saving
/// included, goes to that stock transformer, so a saved model loads in any ML.NET application with or without this
/// library. What it adds: input checks with messages in the library's terms, and the lifetime of the ONNX file.
/// </summary>
public abstract class OnnxBackedTransformer : ITransformer, IDisposable
{
    private readonly ITransformer _scorer;
    private readonly OnnxModelFile? _modelFile;
    private bool _disposed;

    /// <param name="scorer">The stock transformer.</param>
    /// <param name="modelFile">The ONNX file the scorer reads, or null for a scorer loaded from a zip (which keeps its own copy).</param>
    private protected OnnxBackedTransformer(ITransformer scorer, OnnxModelFile? modelFile)
    {
        _scorer = scorer;
        _modelFile = modelFile;
    }

    /// <summary>The stock ML.NET transformer that does the scoring (an OnnxTransformer, or a chain that starts with one).</summary>
    public ITransformer Scorer => _scorer;

    /// <summary>Writes the ONNX graph this transformer scores with, for ONNX Runtime or any other ONNX consumer.</summary>
    /// <exception cref="InvalidOperationException">The transformer was loaded from a saved zip, whose ONNX graph is inside the zip.</exception>
    public void ExportOnnx(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ObjectDisposedException.ThrowIf(_disposed, this);
        Reporting.AtomicFile.WriteAllBytes(path, OnnxModelBytes());
    }

    /// <summary>The bytes of the ONNX graph this transformer scores with.</summary>
    internal byte[] OnnxModelBytes()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_modelFile is null)
        {
            throw new InvalidOperationException("This transformer was loaded from a saved model: its ONNX graph is inside the zip; export it from the transformer that was trained.");
        }
        return File.ReadAllBytes(_modelFile.Path);
    }

    /// <inheritdoc/>
    public bool IsRowToRowMapper => _scorer.IsRowToRowMapper;

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        CheckInput(inputSchema);
        return _scorer.GetOutputSchema(inputSchema);
    }

    /// <inheritdoc/>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        CheckInput(inputSchema);
        return _scorer.GetRowToRowMapper(inputSchema);
    }

    /// <inheritdoc/>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckInput(input.Schema);
        return _scorer.Transform(input);
    }

    /// <summary>Saves the stock transformer, which is what <see cref="ModelOperationsCatalog.Load(string, out DataViewSchema)"/> brings back.</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _scorer.Save(ctx);
    }

    /// <summary>Throws when <paramref name="inputSchema"/> lacks the input column or has it in the wrong type or size.</summary>
    private protected abstract void CheckInput(DataViewSchema inputSchema);

    /// <summary>Releases the scorer and deletes its ONNX file.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the scorer and the ONNX file when <paramref name="disposing"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }
        _disposed = true;
        (_scorer as IDisposable)?.Dispose();
        _modelFile?.Dispose();
    }
}
