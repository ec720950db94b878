namespace Microsoft.ML.Gan.Samples;

/// <summary>Where the <c>--data</c> option of a training command points: the bundled MNIST, an IDX file or an image folder.</summary>
internal static class TrainingData
{
    /// <summary>The bundled MNIST 10k images, found above the program's folder (the repository's data/).</summary>
    public static string BundledMnist => Bundled(Path.Combine("mnist10k", "images-idx3-ubyte.gz"));

    /// <summary>The labels of the bundled MNIST 10k images.</summary>
    public static string BundledMnistLabels => Bundled(Path.Combine("mnist10k", "labels-idx1-ubyte.gz"));

    /// <summary>A file or folder of the repository's data/, found above the program's folder.</summary>
    public static string Bundled(string relativePath)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "data", relativePath);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"The bundled data/{relativePath} was not found above {AppContext.BaseDirectory}");
    }

    /// <summary>
    /// Loads <paramref name="data"/>: "mnist", a .idx/.idx.gz/-ubyte(.gz) file, or a folder of images resized to
    /// <paramref name="imageSize"/> (grey when <paramref name="grey"/>, else composited on white so transparent
    /// PNGs do not turn black; leaving out undecodable files when <paramref name="skipUnreadable"/>); the first
    /// <paramref name="limit"/> rows when set.
    /// </summary>
    public static IDataView Load(MLContext mlContext, string data, int? imageSize, bool grey, bool skipUnreadable, int? limit)
    {
        if (data == "mnist" || File.Exists(data))
        {
            if (imageSize is { } size && size != 28 && data == "mnist")
            {
                throw new ArgumentException($"The bundled MNIST is 28×28; --image-size {size} applies to image folders.");
            }
            return mlContext.Data.LoadIdx(data == "mnist" ? BundledMnist : data, maxRows: limit);
        }
        var images = mlContext.Data.LoadImageFolder(data, imageSize ?? 64, imageSize ?? 64, grey, skipUnreadable, compositeOnWhite: !grey);
        return limit is { } rows ? mlContext.Data.TakeRows(images, rows) : images;
    }
}
