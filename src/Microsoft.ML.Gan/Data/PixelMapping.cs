using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Data;

/// <summary>
/// An image column replaced, row by row as the view is read, by a function of its pixels: a column of the same name
/// whose images may have another shape; every other column passes through. The mapping is not saved with a model, so
/// it prepares data rather than forming part of one.
/// </summary>
internal static class PixelMapping
{
    /// <summary>
    /// <paramref name="images"/> with <paramref name="columnName"/> (planar images of <paramref name="from"/>) replaced
    /// by <paramref name="map"/> of each, planar images of <paramref name="to"/>.
    /// </summary>
    public static IDataView Apply(MLContext mlContext, IDataView images, string columnName, ImageShape from, ImageShape to, Func<float[], float[]> map)
    {
        var input = SchemaDefinition.Create(typeof(PixelsRow));
        input[nameof(PixelsRow.Pixels)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, from.Channels, from.Height, from.Width);
        input[nameof(PixelsRow.Pixels)].ColumnName = columnName;
        var output = SchemaDefinition.Create(typeof(PixelsRow));
        output[nameof(PixelsRow.Pixels)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, to.Channels, to.Height, to.Width);
        output[nameof(PixelsRow.Pixels)].ColumnName = columnName;
        return mlContext.Transforms.CustomMapping<PixelsRow, PixelsRow>((source, target) => target.Pixels = map(source.Pixels),
            contractName: null, input, output).Fit(images).Transform(images);
    }

    /// <summary>A row's pixels, planar.</summary>
    private sealed class PixelsRow
    {
        /// <summary>The pixels.</summary>
        public float[] Pixels = [];
    }
}
