using System.Globalization;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Samples.DomainTransfer;

/// <summary>
/// Heads of several widths: each image narrowed or widened about its vertical centre line, the uncovered sides filled
/// with its ground. Every Twemoji head has the same round outline, so a transfer cannot carry a face's width over to
/// them; the paper's emoji came from a parametric creator whose faces varied in shape. Stretched copies give the target
/// domain that variation, and the photographs, whose people differ little in width, a wider range of shapes to carry over.
/// </summary>
internal static class HeadWidths
{
    /// <summary>The value of the white the emoji are composited on, on the 0..255 pixel scale: their ground.</summary>
    public const float White = 255;

    /// <summary>
    /// The widths <paramref name="text"/>, the value of <paramref name="option"/>, lists, comma-separated factors of the original width such as
    /// <c>0.8,0.9,1,1.1</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A factor is not a number in (0, 2] (an empty text is one such).</exception>
    public static IReadOnlyList<float> Parse(string option, string text)
    {
        return text.Split(',', StringSplitOptions.TrimEntries).Select(part =>
            float.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var width) && width > 0 && width <= 2
                ? width
                : throw new ArgumentException($"{option}: expected comma-separated width factors in (0, 2], such as 0.8,1,1.2; found '{part}' in '{text}'.")).ToList();
    }

    /// <summary>
    /// Every image of <paramref name="heads"/>' <c>Pixels</c> column (C×H×W, 0..255) once per factor of
    /// <paramref name="widths"/>, in that order, stretched across to that fraction of its width, the uncovered sides
    /// <paramref name="ground"/> of the image (<see cref="White"/> for the emoji, <see cref="TopCornerGround"/> for a
    /// photograph); a Single <c>Label</c> column, such as the photographs' identities, passes through with each copy.
    /// Read lazily, an image at a time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="heads"/> has no <c>Pixels</c> column of images.</exception>
    public static IDataView Vary(MLContext mlContext, IDataView heads, IReadOnlyList<float> widths, Func<float[], ImageShape, float> ground)
    {
        var shape = ImageColumn.Resolve(heads.Schema, GanDataCatalog.PixelsColumnName, expected: null, "heads");
        var labelled = heads.Schema.GetColumnOrNull(GanDataCatalog.LabelColumnName)?.Type == NumberDataViewType.Single;
        var schema = SchemaDefinition.Create(typeof(HeadRow));
        schema[nameof(HeadRow.Pixels)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, shape.Channels, shape.Height, shape.Width);
        if (!labelled)
        {
            schema.Remove(schema[nameof(HeadRow.Label)]);
        }
        return mlContext.Data.LoadFromEnumerable(Rows(heads, labelled, widths, shape, ground), schema);
    }

    /// <summary>The luminance of the image's two top corner patches (<see cref="ImageLuminance.Ground"/>): a portrait's ground.</summary>
    public static float TopCornerGround(float[] image, ImageShape shape) =>
        (float)ImageLuminance.Ground(ImageLuminance.Of(image, shape), shape.Width);

    private static IEnumerable<HeadRow> Rows(IDataView heads, bool labelled, IReadOnlyList<float> widths, ImageShape shape,
        Func<float[], ImageShape, float> ground)
    {
        var pixelsColumn = heads.Schema[GanDataCatalog.PixelsColumnName];
        var labelColumn = labelled ? heads.Schema[GanDataCatalog.LabelColumnName] : (DataViewSchema.Column?)null;
        using var cursor = heads.GetRowCursor(labelColumn is { } column ? [pixelsColumn, column] : [pixelsColumn]);
        var getPixels = cursor.GetGetter<VBuffer<float>>(pixelsColumn);
        var getLabel = labelColumn is { } label ? cursor.GetGetter<float>(label) : null;
        var (buffer, labelValue) = (default(VBuffer<float>), 0f);
        while (cursor.MoveNext())
        {
            getPixels(ref buffer);
            getLabel?.Invoke(ref labelValue);
            var pixels = buffer.DenseValues().ToArray();
            var fill = ground(pixels, shape);
            foreach (var factor in widths)
            {
                yield return new HeadRow { Pixels = HorizontalStretch.Apply(pixels, shape, factor, fill), Label = labelValue };
            }
        }
    }

    /// <summary>A stretched head.</summary>
    private sealed class HeadRow
    {
        /// <summary>The image, C×H×W, 0..255.</summary>
        public float[] Pixels { get; set; } = [];

        /// <summary>The class of the image it was stretched from, when that has one.</summary>
        public float Label { get; set; }
    }
}
