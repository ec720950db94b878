using System.Buffers.Binary;
using System.IO.Compression;

namespace Microsoft.ML.Gan.Data;

/// <summary>
/// The header of an IDX file of unsigned bytes (the MNIST format): a big-endian magic number, the item count and the
/// dimensions of one item, then the items. Plain and gzip-compressed files are both read (gzip is sniffed from its
/// 1F 8B signature, not the file name).
/// </summary>
internal sealed class IdxFile
{
    /// <summary>Magic number of an IDX file of images (unsigned bytes, three dimensions).</summary>
    public const int ImagesMagic = 2051;

    /// <summary>Magic number of an IDX file of labels (unsigned bytes, one dimension).</summary>
    public const int LabelsMagic = 2049;

    private IdxFile(string path, int count, int[] itemDimensions)
    {
        Path = path;
        Count = count;
        ItemDimensions = itemDimensions;
        ItemSize = itemDimensions.Aggregate(1, (size, d) => checked(size * d));
    }

    /// <summary>Full path of the file.</summary>
    public string Path { get; }

    /// <summary>Number of items the header announces.</summary>
    public int Count { get; }

    /// <summary>Dimensions of one item: rows and columns for images, none for labels.</summary>
    public IReadOnlyList<int> ItemDimensions { get; }

    /// <summary>Bytes in one item.</summary>
    public int ItemSize { get; }

    /// <summary>Reads and checks the header of an IDX file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="magic"><see cref="ImagesMagic"/> or <see cref="LabelsMagic"/>.</param>
    /// <returns>The header.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not an IDX file of the expected kind.</exception>
    public static IdxFile Read(string path, int magic)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"IDX file '{fullPath}' does not exist.", fullPath);
        }
        int dimensionCount = magic & 0xFF;
        using var stream = OpenStream(fullPath);
        Span<byte> header = stackalloc byte[4 + 4 * dimensionCount];
        int found = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        int foundMagic = found >= 4 ? BinaryPrimitives.ReadInt32BigEndian(header) : -1;
        if (foundMagic != magic)
        {
            string kind = magic == ImagesMagic ? "images" : "labels";
            string what = found < 4 ? $"a file of {found} bytes" : foundMagic.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new InvalidDataException($"'{fullPath}' is not an IDX {kind} file: expected magic number {magic}, found {what}.");
        }
        if (found < header.Length)
        {
            throw new InvalidDataException($"IDX file '{fullPath}' is truncated: expected a {header.Length}-byte header, found {found} bytes.");
        }
        var dimensions = new int[dimensionCount];
        for (int i = 0; i < dimensionCount; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(header[(4 + 4 * i)..]);
            if (dimensions[i] < (i == 0 ? 0 : 1))
            {
                throw new InvalidDataException($"IDX file '{fullPath}' has an invalid dimension {i}: {dimensions[i]}.");
            }
        }
        return new IdxFile(fullPath, dimensions[0], dimensions[1..]);
    }

    /// <summary>Opens the file positioned at its first item.</summary>
    /// <returns>A stream of the items, decompressed when the file is gzip.</returns>
    public Stream OpenItems()
    {
        var stream = OpenStream(Path);
        stream.ReadExactly(new byte[4 + 4 * (1 + ItemDimensions.Count)]);
        return stream;
    }

    /// <summary>Reads item <paramref name="index"/> (the next in <paramref name="items"/>) into <paramref name="destination"/>.</summary>
    /// <param name="items">A stream from <see cref="OpenItems"/>.</param>
    /// <param name="index">Index of the item, for the error message.</param>
    /// <param name="destination">Receives <see cref="ItemSize"/> bytes.</param>
    /// <exception cref="InvalidDataException">The file ends before the item does.</exception>
    public void ReadItem(Stream items, int index, Span<byte> destination)
    {
        try
        {
            items.ReadExactly(destination[..ItemSize]);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException(
                $"IDX file '{Path}' is truncated: expected {Count} items of {ItemSize} bytes, found the file ending within item {index}.", ex);
        }
    }

    /// <summary>Opens a file, decompressing it when it starts with the gzip signature.</summary>
    private static Stream OpenStream(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        int first = file.ReadByte();
        int second = file.ReadByte();
        file.Position = 0;
        return first == 0x1F && second == 0x8B
            ? new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16)
            : file;
    }
}
