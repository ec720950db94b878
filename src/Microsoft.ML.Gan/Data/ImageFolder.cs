using SkiaSharp;

namespace Microsoft.ML.Gan.Data;

/// <summary>Lists the image files of a folder tree, with the name of each file's folder as its label.</summary>
internal static class ImageFolder
{
    /// <summary>File extensions read as images (what ImageAnalytics decodes).</summary>
    private static readonly HashSet<string> _imageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".bmp" };

    /// <summary>
    /// Lists the images under <paramref name="folder"/>, recursively, sorted by relative path (ordinal) so that every
    /// run sees the same order.
    /// </summary>
    /// <param name="folder">Full path of the folder.</param>
    /// <param name="skipUnreadable">
    /// Whether to leave out files whose image header cannot be decoded (zero-byte, truncated or not an image); when
    /// false, such a file is an error naming it.
    /// </param>
    /// <param name="skipped">Receives the number of files left out.</param>
    /// <returns>The image files, with paths relative to <paramref name="folder"/>.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The folder holds no readable image, or an unreadable one when not skipping.</exception>
    public static IReadOnlyList<ImageFileRow> List(string folder, bool skipUnreadable, out int skipped)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Image folder '{folder}' does not exist.");
        }
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(file => _imageExtensions.Contains(Path.GetExtension(file)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var unreadable = files.Where(file => !IsReadable(file)).ToList();
        if (unreadable.Count > 0 && !skipUnreadable)
        {
            throw new InvalidDataException(
                $"{unreadable.Count} file(s) in image folder '{folder}' are not readable images (zero-byte, truncated or another format), e.g. '{unreadable[0]}'. Remove them, or load with skipUnreadable: true.");
        }
        skipped = unreadable.Count;
        var rows = files.Except(unreadable)
            .Select(file => Path.GetRelativePath(folder, file))
            .Select(relative => new ImageFileRow { ImagePath = relative, Label = Path.GetFileName(Path.GetDirectoryName(relative)) ?? "" })
            .ToList();
        if (rows.Count == 0)
        {
            throw new InvalidDataException(
                $"Image folder '{folder}' holds no readable images: expected files ending in {string.Join(", ", _imageExtensions.Order())}, found none{(skipped > 0 ? $" ({skipped} unreadable skipped)" : "")}.");
        }
        return rows;
    }

    /// <summary>Whether the file's header decodes as an image (only the header is read).</summary>
    private static bool IsReadable(string file)
    {
        using var codec = SKCodec.Create(file);
        return codec is not null && codec.Info.Width > 0 && codec.Info.Height > 0;
    }
}
