using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Samples;

/// <summary>Where the <c>--data</c> option of a training command points: the bundled MNIST, an IDX file or an image folder.</summary>
internal static class TrainingData
{
    /// <summary>The bundled MNIST 10k images, found above the program's folder (the repository's data/).</summary>
    public static string BundledMnist => Bundled(Path.Combine("mnist10k", "images-idx3-ubyte.gz"));

    /// <summary>The labels of the bundled MNIST 10k images.</summary>
    public static string BundledMnistLabels => Bundled(Path.Combine("mnist10k", "labels-idx1-ubyte.gz"));

    /// <summary>"mnist" as it is (the commands' name for the bundled MNIST), any other name as <see cref="Bundled"/> finds it.</summary>
    public static string MnistOrBundled(string data) => data == "mnist" ? data : Bundled(data);

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
    /// Loads <paramref name="data"/>: "mnist" or a .idx/.idx.gz/-ubyte(.gz) file, framed in black up to
    /// <paramref name="imageSize"/> when it is larger (MNIST's 28×28 in 32×32 for progressive growing), or a folder
    /// of images resized to <paramref name="imageSize"/> (grey when <paramref name="grey"/>, else composited on white
    /// so transparent PNGs do not turn black; leaving out undecodable files when <paramref name="skipUnreadable"/>);
    /// the first <paramref name="limit"/> rows when set.
    /// </summary>
    public static IDataView Load(MLContext mlContext, string data, int? imageSize, bool grey, bool skipUnreadable, int? limit)
    {
        if (data == "mnist" || File.Exists(data))
        {
            var path = data == "mnist" ? BundledMnist : data;
            var digits = mlContext.Data.LoadIdx(path, maxRows: limit);
            var dimensions = ((VectorDataViewType)digits.Schema[GanDataCatalog.PixelsColumnName].Type).Dimensions;
            var (height, width) = (dimensions[1], dimensions[2]);
            if (imageSize is not { } size || (size == height && size == width))
            {
                return digits;
            }
            if (height != width || size < width || (size - width) % 2 != 0)
            {
                throw new ArgumentException(
                    $"The IDX images of '{path}' are {height}×{width}; they can only be framed in black to a square side larger by an even number of pixels, not {size}.");
            }
            return mlContext.Data.LoadIdx(path, maxRows: limit, padding: (size - width) / 2);
        }
        var images = mlContext.Data.LoadImageFolder(data, imageSize ?? 64, imageSize ?? 64, grey, skipUnreadable, compositeOnWhite: !grey);
        return limit is { } rows ? mlContext.Data.TakeRows(images, rows) : images;
    }
}
