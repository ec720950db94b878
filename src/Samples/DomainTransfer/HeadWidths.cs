using System.Globalization;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Samples.DomainTransfer;

/// <summary>
/// Emoji heads of several widths: each target image narrowed or widened about its vertical centre line, the uncovered
/// sides filled with the white it was composited on. Every Twemoji head has the same round outline, so a transfer
/// cannot carry a face's width over to them; the paper's emoji came from a parametric creator whose faces varied in
/// shape. Stretched copies give the target domain that variation.
/// </summary>
internal static class HeadWidths
{
    /// <summary>The value of the white the emoji are composited on, on the 0..255 pixel scale.</summary>
    private const float White = 255;

    /// <summary>
    /// The widths <paramref name="text"/> lists, comma-separated factors of the original width such as
    /// <c>0.8,0.9,1,1.1</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A factor is not a number in (0, 2] (an empty text is one such).</exception>
    public static IReadOnlyList<float> Parse(string text)
    {
        return text.Split(',', StringSplitOptions.TrimEntries).Select(part =>
            float.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var width) && width > 0 && width <= 2
                ? width
                : throw new ArgumentException($"--head-widths: expected comma-separated width factors in (0, 2], such as 0.8,1,1.2; found '{part}' in '{text}'.")).ToList();
    }

    /// <summary>
    /// Every image of <paramref name="heads"/>' <c>Pixels</c> column (C×H×W, 0..255, composited on white) once per
    /// factor of <paramref name="widths"/>, stretched across to that fraction of its width; read lazily, an image at a time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="heads"/> has no <c>Pixels</c> column of images.</exception>
    public static IDataView Vary(MLContext mlContext, IDataView heads, IReadOnlyList<float> widths)
    {
        var shape = ImageColumn.Resolve(heads.Schema, GanDataCatalog.PixelsColumnName, expected: null, "emoji heads");
        var schema = SchemaDefinition.Create(typeof(HeadRow));
        schema[nameof(HeadRow.Pixels)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, shape.Channels, shape.Height, shape.Width);
        return mlContext.Data.LoadFromEnumerable(Rows(heads, widths, shape), schema);
    }

    private static IEnumerable<HeadRow> Rows(IDataView heads, IReadOnlyList<float> widths, ImageShape shape)
    {
        foreach (var pixels in heads.GetColumn<float[]>(GanDataCatalog.PixelsColumnName))
        {
            foreach (var factor in widths)
            {
                yield return new HeadRow { Pixels = HorizontalStretch.Apply(pixels, shape, factor, White) };
            }
        }
    }

    /// <summary>A stretched head.</summary>
    private sealed class HeadRow
    {
        /// <summary>The image, C×H×W, 0..255.</summary>
        public float[] Pixels { get; set; } = [];
    }
}
