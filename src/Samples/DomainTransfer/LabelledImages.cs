using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Samples.DomainTransfer;

/// <summary>
/// A labelled source for a domain transfer command, as <c>--source</c> names it: a folder with one subfolder per class
/// (the folder name is the label), or an IDX images file with <c>--source-labels</c>. Either way the view has
/// <c>Pixels</c> and <c>Label</c> as a class index (Single, 0 to classes − 1), the form the source classifier reads.
/// </summary>
internal static class LabelledImages
{
    /// <summary>The usage of the options this reads.</summary>
    public const string Options = "[--source DIR|IMAGES.idx --source-labels LABELS.idx]";

    /// <summary>
    /// The labelled images <c>--source</c> names (folder images resized to <paramref name="imageSize"/> high and
    /// <paramref name="width"/> wide, square when that is null, grey when <paramref name="grey"/>), or null when it is
    /// not given; with the number of classes.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="width"/> is given for an IDX source, whose images are not resized.</exception>
    public static (IDataView Images, int ClassCount)? Load(MLContext mlContext, CommandLine options, int imageSize, bool grey, int? width = null)
    {
        if (options.Text("--source") is not { } source)
        {
            return null;
        }
        if (Directory.Exists(source))
        {
            return FromFolder(mlContext, source, imageSize, grey, width);
        }
        if (width is not null)
        {
            throw new ArgumentException($"--source {source}: an IDX file's images are used at their own size; a width of {width} applies to a folder's.");
        }
        var images = mlContext.Data.LoadIdx(source, options.Required("--source-labels"));
        var classCount = (int)images.GetColumn<float>(GanDataCatalog.LabelColumnName).Max() + 1;
        return (images, classCount);
    }

    /// <summary>
    /// The images of <paramref name="folder"/>, <paramref name="imageSize"/> high and <paramref name="width"/> wide
    /// (square when null), labelled by the index of their subfolder's name in ordinal order.
    /// </summary>
    public static (IDataView Images, int ClassCount) FromFolder(MLContext mlContext, string folder, int imageSize, bool grey, int? width = null)
    {
        var images = mlContext.Data.LoadImageFolder(folder, width ?? imageSize, imageSize, grey, skipUnreadable: false, compositeOnWhite: !grey);
        var names = images.GetColumn<ReadOnlyMemory<char>>(GanDataCatalog.LabelColumnName).Select(n => n.ToString())
            .Distinct().Order(StringComparer.Ordinal).ToList();
        if (names.Count < 2)
        {
            throw new ArgumentException($"--source {folder}: expected one subfolder per class (at least two); found {names.Count} label(s).");
        }
        var index = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => (float)p.i, StringComparer.Ordinal);
        var labelled = mlContext.Transforms.CustomMapping<FolderName, ClassIndex>((input, output) => output.ClassLabel = index[input.Label], null)
            .Fit(images).Transform(images);
        var renamed = mlContext.Transforms.DropColumns(GanDataCatalog.LabelColumnName)
            .Append(mlContext.Transforms.CopyColumns(GanDataCatalog.LabelColumnName, nameof(ClassIndex.ClassLabel)))
            .Fit(labelled).Transform(labelled);
        return (mlContext.Data.Cache(renamed), names.Count);
    }

    private sealed class FolderName
    {
        public string Label = "";
    }

    private sealed class ClassIndex
    {
        public float ClassLabel;
    }
}
