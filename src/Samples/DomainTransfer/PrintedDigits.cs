using Microsoft.ML.Data;
using SkiaSharp;

namespace Microsoft.ML.Gan.Samples.DomainTransfer;

/// <summary>
/// Printed digits rendered here with SkiaSharp, labelled by construction, as a stand-in for house-number crops: the
/// system's fonts, varied size, weight and stroke, random text and background colours (either polarity), neighbouring
/// digits cut off at the edges, small rotations and offsets, blur and noise; then made grey, 28×28 like MNIST.
/// </summary>
internal static class PrintedDigits
{
    /// <summary>The side of the images.</summary>
    public const int Side = 28;

    private const string Digits = "0123456789";

    // Rendered larger, then scaled down: smoother strokes, as a camera crop would give.
    private const int Oversample = 3;

    /// <summary>The typefaces of the system's font files (fc-list's folders), in a fixed order.</summary>
    public static IReadOnlyList<SKTypeface> SystemTypefaces()
    {
        string[] folders = ["/usr/share/fonts", "/usr/local/share/fonts", Environment.GetFolderPath(Environment.SpecialFolder.Fonts)];
        var typefaces = folders.Where(f => f.Length > 0 && Directory.Exists(f))
            .SelectMany(f => Directory.EnumerateFiles(f, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".otf", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(path => SKTypeface.FromFile(path))
            .Where(t => t is not null && t.ContainsGlyphs(Digits))
            .ToList();
        return typefaces.Count > 0 ? typefaces : [SKTypeface.Default];
    }

    /// <summary><paramref name="count"/> labelled digits, the same for the same <paramref name="seed"/>: <c>Pixels</c> (1×28×28, 0..255) and <c>Label</c>.</summary>
    public static IDataView Create(MLContext mlContext, IReadOnlyList<SKTypeface> typefaces, int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<DigitRow>(count);
        using var bitmap = new SKBitmap(Side * Oversample, Side * Oversample, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        for (var i = 0; i < count; i++)
        {
            var label = random.Next(10);
            Render(canvas, typefaces, label, random);
            rows.Add(new DigitRow { Pixels = Grey(bitmap, random), Label = label });
        }
        var schema = SchemaDefinition.Create(typeof(DigitRow));
        schema[nameof(DigitRow.Pixels)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 1, Side, Side);
        return mlContext.Data.LoadFromEnumerable(rows, schema);
    }

    private static void Render(SKCanvas canvas, IReadOnlyList<SKTypeface> typefaces, int label, Random random)
    {
        var size = Side * Oversample;
        var (background, ink) = Colours(random);
        canvas.Clear(background);
        using var paint = new SKPaint
        {
            Color = ink,
            IsAntialias = true,
            Typeface = typefaces[random.Next(typefaces.Count)],
            TextSize = size * (0.55f + 0.35f * random.NextSingle()),
            FakeBoldText = random.NextDouble() < 0.3,
        };
        if (random.NextDouble() < 0.2)
        {
            paint.Style = SKPaintStyle.Stroke;
            paint.StrokeWidth = Oversample * (0.8f + random.NextSingle());
        }
        var text = label.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var width = paint.MeasureText(text);
        var metrics = paint.FontMetrics;
        var centre = new SKPoint(size / 2f + Jitter(random, size * 0.06f), size / 2f + Jitter(random, size * 0.06f));
        canvas.Save();
        canvas.RotateDegrees(Jitter(random, 8), centre.X, centre.Y);
        var baseline = centre.Y - (metrics.Ascent + metrics.Descent) / 2;
        var gap = width * (1.05f + 0.3f * random.NextSingle());
        // The digit, with house-number neighbours partly in view on either side.
        canvas.DrawText(text, centre.X - width / 2, baseline, paint);
        if (random.NextDouble() < 0.6)
        {
            canvas.DrawText(random.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture), centre.X - width / 2 - gap, baseline, paint);
        }
        if (random.NextDouble() < 0.6)
        {
            canvas.DrawText(random.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture), centre.X - width / 2 + gap, baseline, paint);
        }
        canvas.Restore();
    }

    /// <summary>A background and an ink colour with enough luminance contrast to read, in either polarity.</summary>
    private static (SKColor Background, SKColor Ink) Colours(Random random)
    {
        while (true)
        {
            var background = RandomColour(random);
            var ink = RandomColour(random);
            if (Math.Abs(Luminance(background) - Luminance(ink)) > 70)
            {
                return (background, ink);
            }
        }
    }

    private static SKColor RandomColour(Random random) => new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));

    private static double Luminance(SKColor colour) => 0.299 * colour.Red + 0.587 * colour.Green + 0.114 * colour.Blue;

    private static float Jitter(Random random, float amplitude) => (2 * random.NextSingle() - 1) * amplitude;

    /// <summary>The rendering scaled down to 28×28 (box filter), blurred a little, as grey 0..255 with Gaussian noise.</summary>
    private static float[] Grey(SKBitmap bitmap, Random random)
    {
        var full = new float[bitmap.Width * bitmap.Height];
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                full[y * bitmap.Width + x] = (float)Luminance(bitmap.GetPixel(x, y));
            }
        }
        var pixels = new float[Side * Side];
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < Side; x++)
            {
                float sum = 0;
                for (var dy = 0; dy < Oversample; dy++)
                {
                    for (var dx = 0; dx < Oversample; dx++)
                    {
                        sum += full[(y * Oversample + dy) * bitmap.Width + x * Oversample + dx];
                    }
                }
                pixels[y * Side + x] = sum / (Oversample * Oversample);
            }
        }
        if (random.NextDouble() < 0.5)
        {
            pixels = Blur(pixels, 0.15f + 0.25f * random.NextSingle());
        }
        var noise = 12 * random.NextDouble();
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)Math.Clamp(pixels[i] + noise * Normal(random), 0, 255);
        }
        return pixels;
    }

    /// <summary>A 3×3 blur: each pixel keeps 1 − 4w and takes w from each of its four neighbours (edges clamp).</summary>
    private static float[] Blur(float[] pixels, float weight)
    {
        var blurred = new float[pixels.Length];
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < Side; x++)
            {
                float At(int yy, int xx) => pixels[Math.Clamp(yy, 0, Side - 1) * Side + Math.Clamp(xx, 0, Side - 1)];
                blurred[y * Side + x] = (1 - 4 * weight) * At(y, x) + weight * (At(y - 1, x) + At(y + 1, x) + At(y, x - 1) + At(y, x + 1));
            }
        }
        return blurred;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed class DigitRow
    {
        public float[] Pixels = [];
        public float Label;
    }
}
