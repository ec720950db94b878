namespace Microsoft.ML.Gan.Transformers;

/// <summary>
/// An exported ONNX graph on disk under <see cref="MLContext.TempFilePath"/>. ML.NET's OnnxTransformer reads the file
/// again whenever the model is saved, so it lives as long as the transformer that scores with it.
/// </summary>
internal sealed class OnnxModelFile : IDisposable
{
    private OnnxModelFile(string path) => Path = path;

    /// <summary>Full path of the .onnx file.</summary>
    public string Path { get; }

    /// <summary>Writes <paramref name="modelBytes"/> to a new uniquely named file in <paramref name="folder"/>.</summary>
    public static OnnxModelFile Write(string folder, string name, byte[] modelBytes)
    {
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, $"ml-gan-{name}-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, modelBytes);
        return new OnnxModelFile(path);
    }

    /// <summary>Deletes the file; a file still held open elsewhere is left to the temporary folder's cleaning.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
