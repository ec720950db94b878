using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Transformers;

/// <summary>Generated images as a data view with one image column, what ML.NET metrics and pipelines read.</summary>
internal static class GeneratedImages
{
    /// <summary>
    /// A data view of the images in <paramref name="pixels"/> ([N, C, H, W], 0..255) in <paramref name="column"/>, a
    /// known-size Single vector of <paramref name="shape"/>'s size.
    /// </summary>
    public static IDataView Create(string column, ImageShape shape, Tensor pixels)
    {
        using var values = pixels.detach().cpu().contiguous();
        var all = values.data<float>().ToArray();
        var count = (int)values.shape[0];
        return Create(column, shape, [.. Enumerable.Range(0, count).Select(row => all.AsSpan(row * shape.Size, shape.Size).ToArray())]);
    }

    /// <summary>A data view of <paramref name="images"/> (planar, of <paramref name="shape"/>) in <paramref name="column"/>, a known-size Single vector.</summary>
    public static IDataView Create(string column, ImageShape shape, IReadOnlyList<float[]> images)
    {
        var definition = SchemaDefinition.Create(typeof(ImageRow));
        definition[0].ColumnName = column;
        definition[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, shape.Size);
        // A private context only builds the view over rows already in memory.
        return new MLContext().Data.LoadFromEnumerable(images.Select(image => new ImageRow { Pixels = image }), definition);
    }

    private sealed class ImageRow
    {
        public float[] Pixels = [];
    }
}
