using System.Buffers.Binary;
using System.IO.Compression;

namespace Microsoft.ML.Gan.Transformers;

/// <summary>
/// Finds the ONNX models inside an ML.NET model zip. ML.NET's OnnxTransformer saves its model as a binary stream named
/// <c>OnnxModel</c> in its folder of the zip: the bytes of the .onnx file after a length prefix (ML.NET's
/// <c>WriteByteArray</c>: an Int32, or an Int64 in versions that allow larger models). Reading the zip directly keeps
/// ONNX Runtime out of it and needs no ML.NET internals.
/// </summary>
internal static class SavedOnnxModels
{
    private const string StreamName = "OnnxModel";

    /// <summary>
    /// The ONNX model bytes of every OnnxTransformer saved in <paramref name="zipPath"/>, in zip order. Throws
    /// <see cref="FileNotFoundException"/> or <see cref="InvalidDataException"/> naming the file.
    /// </summary>
    public static IReadOnlyList<byte[]> Read(string zipPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(zipPath);
        var fullPath = Path.GetFullPath(zipPath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Model file '{fullPath}' not found: expected an ML.NET model zip (e.g. discriminator.zip).", fullPath);
        }
        try
        {
            using var zip = ZipFile.OpenRead(fullPath);
            var models = zip.Entries
                .Where(entry => entry.Name == StreamName)
                .Select(entry => WithoutLengthPrefix(ReadAll(entry), fullPath, entry.FullName))
                .ToList();
            if (models.Count == 0)
            {
                throw new InvalidDataException(
                    $"Model file '{fullPath}' holds no ONNX model (no '{StreamName}' entry): expected a discriminator.zip saved by Microsoft.ML.Gan.");
            }
            return models;
        }
        catch (InvalidDataException error) when (!error.Message.Contains(fullPath, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Model file '{fullPath}' is not a readable ML.NET model zip: {error.Message}", error);
        }
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] WithoutLengthPrefix(byte[] stream, string zipPath, string entryName)
    {
        if (stream.Length >= sizeof(int) && BinaryPrimitives.ReadInt32LittleEndian(stream) == stream.Length - sizeof(int))
        {
            return stream[sizeof(int)..];
        }
        if (stream.Length >= sizeof(long) && BinaryPrimitives.ReadInt64LittleEndian(stream) == stream.Length - sizeof(long))
        {
            return stream[sizeof(long)..];
        }
        throw new InvalidDataException(
            $"Model file '{zipPath}': entry '{entryName}' of {stream.Length} bytes does not start with its length (Int32 or Int64) as ML.NET writes it.");
    }
}
