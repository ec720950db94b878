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
        return PixelMapping.Apply(mlContext, argb, columnName, new ImageShape(4, rgb.Height, rgb.Width), rgb, source =>
        {
            var composited = new float[3 * plane];
            for (var i = 0; i < composited.Length; i++)
            {
                composited[i] = Math.Clamp(source[plane + i] + 255 - source[i % plane], 0, 255);
            }
            return composited;
        });
    }
}
