using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Transformers;

namespace Microsoft.ML.Gan;

/// <summary>Images with planted near-duplicates, made by <see cref="NearDuplicates.Plant"/>.</summary>
public sealed class PlantedDuplicates
{
    internal PlantedDuplicates(IReadOnlyList<float[]> images, ImageShape shape, IReadOnlyList<DuplicatePair> pairs)
    {
        Images = images;
        Shape = shape;
        Pairs = pairs;
    }

    /// <summary>The original images followed by the planted copies, planar C×H×W, 0..255.</summary>
    public IReadOnlyList<float[]> Images { get; }

    /// <summary>The shape of every image.</summary>
    public ImageShape Shape { get; }

    /// <summary>Each planted copy with its original, as row indices of <see cref="Images"/>.</summary>
    public IReadOnlyList<DuplicatePair> Pairs { get; }

    /// <summary>The images as a data view with one image column (a known-size Single vector).</summary>
    /// <param name="columnName">Name of the image column.</param>
    public IDataView ToDataView(string columnName = GanDataCatalog.PixelsColumnName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(columnName);
        return GeneratedImages.Create(columnName, Shape, Images);
    }
}
