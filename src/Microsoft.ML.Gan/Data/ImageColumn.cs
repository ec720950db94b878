using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace Microsoft.ML.Gan.Data;

/// <summary>
/// Checks and prepares image columns: a <c>Pixels</c>-style column (known-size <see cref="float"/> vector, planar
/// C×H×W, 0..255) is resolved to its <see cref="ImageShape"/>; an <see cref="MLImage"/> column is turned into one.
/// </summary>
internal static class ImageColumn
{
    /// <summary>How error messages name data whose role the caller did not state.</summary>
    internal const string DefaultDataName = "input data";

    /// <summary>
    /// Finds the image shape held by a <c>Pixels</c>-style column. The shape comes from the vector's dimensions when it
    /// has three (C, H, W, as <c>ExtractPixels</c> gives) or two (H, W: one grey plane); otherwise from
    /// <paramref name="expected"/>; otherwise a square image with 1 or 3 channels when the length allows one.
    /// </summary>
    /// <param name="schema">The schema holding the column.</param>
    /// <param name="columnName">Name of the column.</param>
    /// <param name="expected">The shape the caller needs, or <see langword="null"/> to accept any image shape.</param>
    /// <param name="dataName">How error messages name the data, e.g. "training data".</param>
    /// <returns>The shape of one image in the column.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing, has the wrong type, or holds another shape.</exception>
    public static ImageShape Resolve(DataViewSchema schema, string columnName, ImageShape? expected, string dataName = DefaultDataName)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentException.ThrowIfNullOrWhiteSpace(columnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataName);

        var column = Find(schema, columnName, dataName);
        string wanted = DescribeExpected(expected);
        if (column.Type is ImageDataViewType)
        {
            throw Mismatch(columnName, dataName, wanted,
                $"{column.Type} (an image: extract its pixels first, e.g. with ExtractPixels or {nameof(PrepareImageColumn)})");
        }
        if (column.Type is not VectorDataViewType { IsKnownSize: true } vector || vector.ItemType != NumberDataViewType.Single)
        {
            throw Mismatch(columnName, dataName, wanted, $"{column.Type}");
        }

        var shape = FromDimensions(vector, columnName, dataName, wanted) ?? expected ?? InferSquare(vector.Size)
            ?? throw Mismatch(columnName, dataName, wanted,
                $"{vector} (its length is not a square image with 1 or 3 channels: state the image shape)");
        if (shape.Size != vector.Size || (expected is not null && shape != expected))
        {
            throw Mismatch(columnName, dataName, wanted, $"{vector}");
        }
        return shape;
    }

    /// <summary>
    /// Returns a view in which <paramref name="columnName"/> is a <c>Pixels</c>-style column of shape
    /// <paramref name="target"/>. A column that already holds pixels is only checked; an <see cref="MLImage"/> column
    /// is resized, turned grey when <paramref name="target"/> has one channel, and its pixels are extracted, lazily and
    /// under the same name (the image column stays behind, hidden).
    /// </summary>
    /// <param name="mlContext">The context whose image transforms are used.</param>
    /// <param name="data">The data holding the column.</param>
    /// <param name="columnName">Name of the image or pixels column; also the name of the resulting pixels column.</param>
    /// <param name="target">The image shape wanted: 1 (grey), 3 (RGB) or 4 (ARGB) channels.</param>
    /// <param name="dataName">How error messages name the data, e.g. "training data".</param>
    /// <returns>A view whose <paramref name="columnName"/> column holds pixels of shape <paramref name="target"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing or does not fit <paramref name="target"/>.</exception>
    public static IDataView PrepareImageColumn(MLContext mlContext, IDataView data, string columnName, ImageShape target, string dataName = DefaultDataName)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(columnName);

        if (Find(data.Schema, columnName, dataName).Type is not ImageDataViewType)
        {
            Resolve(data.Schema, columnName, target, dataName);
            return data;
        }

        var colors = target.Channels switch
        {
            1 => ImagePixelExtractingEstimator.ColorBits.Red, // after ConvertToGrayscale red = green = blue
            3 => ImagePixelExtractingEstimator.ColorBits.Rgb,
            4 => ImagePixelExtractingEstimator.ColorBits.All,
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, $"Images can be turned into 1, 3 or 4 channels, not {target.Channels}."),
        };
        var transforms = mlContext.Transforms;
        IEstimator<ITransformer> pipeline = transforms.ResizeImages(columnName, target.Width, target.Height, columnName);
        if (target.Channels == 1)
        {
            pipeline = pipeline.Append(transforms.ConvertToGrayscale(columnName));
        }
        pipeline = pipeline.Append(transforms.ExtractPixels(columnName, colorsToExtract: colors));
        return pipeline.Fit(data).Transform(data);
    }

    /// <summary>Describes the column type a pixels column must have, with the shape when it is known.</summary>
    /// <param name="expected">The shape wanted, or <see langword="null"/>.</param>
    /// <returns>Text for error messages.</returns>
    public static string DescribeExpected(ImageShape? expected) => expected is null
        ? "known-size vector of Single (C×H×W)"
        : $"known-size vector of Single (C×H×W = {expected} = {expected.Size})";

    /// <summary>Finds a visible column or throws an error that lists the available ones.</summary>
    private static DataViewSchema.Column Find(DataViewSchema schema, string columnName, string dataName)
    {
        if (schema.GetColumnOrNull(columnName) is { } column)
        {
            return column;
        }
        var available = schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'");
        throw new ArgumentOutOfRangeException(nameof(columnName),
            $"Column '{columnName}' was not found in the {dataName}; available columns: {string.Join(", ", available)}.");
    }

    /// <summary>Reads the shape from a vector's dimensions when they describe an image.</summary>
    private static ImageShape? FromDimensions(VectorDataViewType vector, string columnName, string dataName, string wanted)
    {
        var dims = vector.Dimensions;
        switch (dims.Length)
        {
            case 3 when dims[0] > 4 && dims[2] <= 4:
                // H×W×C: ExtractPixels with interleavePixelColors = true; networks need planes.
                throw Mismatch(columnName, dataName, wanted, $"{vector} (interleaved H×W×C pixels: extract them planar)");
            case 3:
                return new ImageShape(dims[0], dims[1], dims[2]);
            case 2:
                return new ImageShape(1, dims[0], dims[1]);
            default:
                return null;
        }
    }

    /// <summary>Guesses a square grey or RGB image from a vector length (never ambiguous: √3 is irrational).</summary>
    private static ImageShape? InferSquare(int size)
    {
        foreach (int channels in (ReadOnlySpan<int>)[1, 3])
        {
            if (size % channels == 0)
            {
                int side = (int)Math.Round(Math.Sqrt(size / channels));
                if (side * side * channels == size)
                {
                    return new ImageShape(channels, side, side);
                }
            }
        }
        return null;
    }

    /// <summary>The one error for a column that is not what was expected.</summary>
    private static ArgumentOutOfRangeException Mismatch(string columnName, string dataName, string expected, string found) =>
        new(nameof(columnName), $"Column '{columnName}' of the {dataName}: expected {expected}, found {found}.");
}
