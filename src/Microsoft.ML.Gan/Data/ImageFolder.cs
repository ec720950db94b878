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
    /// <returns>The image files, with paths relative to <paramref name="folder"/>.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The folder holds no image.</exception>
    public static IReadOnlyList<ImageFileRow> List(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Image folder '{folder}' does not exist.");
        }
        var rows = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(file => _imageExtensions.Contains(Path.GetExtension(file)))
            .Select(file => Path.GetRelativePath(folder, file))
            .Order(StringComparer.Ordinal)
            .Select(relative => new ImageFileRow { ImagePath = relative, Label = Path.GetFileName(Path.GetDirectoryName(relative)) ?? "" })
            .ToList();
        if (rows.Count == 0)
        {
            throw new InvalidDataException(
                $"Image folder '{folder}' holds no images: expected files ending in {string.Join(", ", _imageExtensions.Order())}, found none.");
        }
        return rows;
    }
}
