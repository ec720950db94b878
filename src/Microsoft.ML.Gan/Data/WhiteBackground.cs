using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Data;

/// <summary>
/// Composites images with transparency on a white background. ImageAnalytics' ExtractPixels ignores alpha when it
/// extracts RGB, and decoded images hold premultiplied colours, so transparent pixels come out black; measured on the
/// bundled Twemoji faces: every colour value ≤ its alpha, fully transparent pixels (0, 0, 0, 0). Over white, a
/// premultiplied colour c with alpha a becomes c + (255 − a).
/// </summary>
internal static class WhiteBackground
{
    /// <summary>ARGB pixels [4, H, W] in <paramref name="columnName"/> → RGB pixels [3, H, W] over white, in a column of the same name.</summary>
    public static IDataView Composite(MLContext mlContext, IDataView argb, string columnName, ImageShape rgb)
    {
        var plane = rgb.Height * rgb.Width;
        var input = SchemaDefinition.Create(typeof(ArgbRow));
        input[nameof(ArgbRow.Argb)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 4, rgb.Height, rgb.Width);
        input[nameof(ArgbRow.Argb)].ColumnName = columnName;
        var output = SchemaDefinition.Create(typeof(RgbRow));
        output[nameof(RgbRow.Rgb)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 3, rgb.Height, rgb.Width);
        output[nameof(RgbRow.Rgb)].ColumnName = columnName;
        return mlContext.Transforms.CustomMapping<ArgbRow, RgbRow>((source, target) =>
        {
            target.Rgb = new float[3 * plane];
            for (var i = 0; i < 3 * plane; i++)
            {
                target.Rgb[i] = Math.Clamp(source.Argb[plane + i] + 255 - source.Argb[i % plane], 0, 255);
            }
        }, contractName: null, input, output).Fit(argb).Transform(argb);
    }

    /// <summary>The input row: planar ARGB pixels (alpha first, as ExtractPixels orders them).</summary>
    private sealed class ArgbRow
    {
        /// <summary>The pixels.</summary>
        public float[] Argb = [];
    }

    /// <summary>The output row: planar RGB pixels.</summary>
    private sealed class RgbRow
    {
        /// <summary>The pixels.</summary>
        public float[] Rgb = [];
    }
}
