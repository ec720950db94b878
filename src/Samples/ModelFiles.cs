namespace Microsoft.ML.Gan.Samples;

/// <summary>Model files as the commands write and read them: written under a temporary name and renamed, read with the path in every error.</summary>
internal static class ModelFiles
{
    /// <summary>Saves <paramref name="model"/> so that a crash never leaves a half-written zip under <paramref name="path"/>.</summary>
    public static void Save(MLContext mlContext, ITransformer model, DataViewSchema inputSchema, string path)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            mlContext.Model.Save(model, inputSchema, temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Loads a model zip with stock ML.NET; a missing, truncated or foreign file is an error that names it.</summary>
    public static ITransformer Load(MLContext mlContext, string path, out DataViewSchema inputSchema)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        }
        try
        {
            return mlContext.Model.Load(path, out inputSchema);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new InvalidDataException($"'{path}' is not a loadable ML.NET model (truncated or corrupted?): {error.Message}", error);
        }
    }
}
