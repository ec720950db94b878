using System.Globalization;
using System.Net;
using System.Text;

namespace Microsoft.ML.Gan.Reporting;

/// <summary>
/// A small line chart rendered as inline SVG text: title, legend, axes with "nice" ticks and labels, one polyline per
/// series. Drawn by hand because the plotting libraries need SkiaSharp 3, which breaks ImageAnalytics 5.0.1 at run time.
/// </summary>
public sealed class SvgLineChart
{
    private const int TickCount = 5;
    private const double MarginLeft = 64, MarginRight = 16, MarginTop = 48, MarginBottom = 44;

    private readonly List<(string Name, string Color, List<(double X, double Y)> Points)> _series = [];

    /// <summary>Creates an empty chart.</summary>
    /// <param name="title">The title drawn above the plot.</param>
    /// <param name="xLabel">The label of the horizontal axis.</param>
    /// <param name="yLabel">The label of the vertical axis.</param>
    /// <param name="width">The width of the SVG in pixels.</param>
    /// <param name="height">The height of the SVG in pixels.</param>
    public SvgLineChart(string title, string xLabel, string yLabel, int width = 640, int height = 320)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(xLabel);
        ArgumentNullException.ThrowIfNull(yLabel);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 200);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 150);
        Title = title;
        XLabel = xLabel;
        YLabel = yLabel;
        Width = width;
        Height = height;
    }

    /// <summary>The title drawn above the plot.</summary>
    public string Title { get; }

    /// <summary>The label of the horizontal axis.</summary>
    public string XLabel { get; }

    /// <summary>The label of the vertical axis.</summary>
    public string YLabel { get; }

    /// <summary>The width of the SVG in pixels.</summary>
    public int Width { get; }

    /// <summary>The height of the SVG in pixels.</summary>
    public int Height { get; }

    /// <summary>Adds a series drawn as one polyline. Points that are not finite (a diverged loss) are left out.</summary>
    /// <param name="name">The name shown in the legend.</param>
    /// <param name="color">Any SVG colour, for example <c>#1f77b4</c>.</param>
    /// <param name="points">The points in drawing order.</param>
    /// <returns>This chart, so that calls can be chained.</returns>
    public SvgLineChart AddSeries(string name, string color, IEnumerable<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(color);
        ArgumentNullException.ThrowIfNull(points);
        _series.Add((name, color, points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList()));
        return this;
    }

    /// <summary>Renders the chart as a standalone <c>&lt;svg&gt;</c> element, ready to inline in HTML.</summary>
    /// <returns>The SVG markup.</returns>
    public string ToSvg()
    {
        var all = _series.SelectMany(s => s.Points).ToList();
        var x = Axis.Fit(all.Select(p => p.X));
        var y = Axis.Fit(all.Select(p => p.Y));
        double plotLeft = MarginLeft, plotRight = Width - MarginRight, plotTop = MarginTop, plotBottom = Height - MarginBottom;
        double ToPixelX(double value) => plotLeft + (value - x.Min) / (x.Max - x.Min) * (plotRight - plotLeft);
        double ToPixelY(double value) => plotBottom - (value - y.Min) / (y.Max - y.Min) * (plotBottom - plotTop);

        var svg = new StringBuilder();
        svg.Append($"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" role="img" aria-label="{Encode(Title)}" font-family="sans-serif" font-size="12">""").Append('\n');
        svg.Append($"""<rect width="{Width}" height="{Height}" fill="white"/>""").Append('\n');
        svg.Append($"""<text x="{Format(Width / 2.0)}" y="18" text-anchor="middle" font-size="14" font-weight="bold">{Encode(Title)}</text>""").Append('\n');

        foreach (double tick in x.Ticks)
        {
            double px = ToPixelX(tick);
            svg.Append($"""<line x1="{Format(px)}" y1="{Format(plotTop)}" x2="{Format(px)}" y2="{Format(plotBottom + 5)}" stroke="#e0e0e0"/>""");
            svg.Append($"""<text x="{Format(px)}" y="{Format(plotBottom + 18)}" text-anchor="middle">{x.Label(tick)}</text>""").Append('\n');
        }
        foreach (double tick in y.Ticks)
        {
            double py = ToPixelY(tick);
            svg.Append($"""<line x1="{Format(plotLeft - 5)}" y1="{Format(py)}" x2="{Format(plotRight)}" y2="{Format(py)}" stroke="#e0e0e0"/>""");
            svg.Append($"""<text x="{Format(plotLeft - 8)}" y="{Format(py + 4)}" text-anchor="end">{y.Label(tick)}</text>""").Append('\n');
        }
        svg.Append($"""<polyline fill="none" stroke="black" points="{Format(plotLeft)},{Format(plotTop)} {Format(plotLeft)},{Format(plotBottom)} {Format(plotRight)},{Format(plotBottom)}"/>""").Append('\n');
        svg.Append($"""<text x="{Format((plotLeft + plotRight) / 2)}" y="{Format(Height - 8.0)}" text-anchor="middle">{Encode(XLabel)}</text>""").Append('\n');
        svg.Append($"""<text transform="translate(14 {Format((plotTop + plotBottom) / 2)}) rotate(-90)" text-anchor="middle">{Encode(YLabel)}</text>""").Append('\n');
        if (all.Count == 0)
        {
            svg.Append($"""<text x="{Format((plotLeft + plotRight) / 2)}" y="{Format((plotTop + plotBottom) / 2)}" text-anchor="middle" fill="#888">no data</text>""").Append('\n');
        }

        double legendX = plotLeft;
        foreach (var (name, color, points) in _series)
        {
            svg.Append($"""<line x1="{Format(legendX)}" y1="34" x2="{Format(legendX + 20)}" y2="34" stroke="{Encode(color)}" stroke-width="3"/>""");
            svg.Append($"""<text x="{Format(legendX + 25)}" y="38">{Encode(name)}</text>""").Append('\n');
            legendX += 40 + 7 * name.Length; // rough text width; no font metrics in plain SVG
            // The data series are the only polylines with the "series" class: tests and scripts can find them.
            svg.Append($"""<polyline class="series" data-name="{Encode(name)}" fill="none" stroke="{Encode(color)}" stroke-width="1.5" stroke-linejoin="round" points="{string.Join(' ', points.Select(p => $"{Format(ToPixelX(p.X))},{Format(ToPixelY(p.Y))}"))}"/>""").Append('\n');
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Format(double pixel) => pixel.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>An axis range widened to round numbers, with ticks at a 1, 2 or 5 × 10ⁿ spacing.</summary>
    private readonly record struct Axis(double Min, double Max, double Step)
    {
        public static Axis Fit(IEnumerable<double> values)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (double value in values)
            {
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
            if (min > max)
            {
                (min, max) = (0, 1);
            }
            else if (min == max)
            {
                // A flat line still needs a range to be drawn in the middle of.
                double half = Math.Max(Math.Abs(min) * 0.1, 0.5);
                (min, max) = (min - half, max + half);
            }
            double step = NiceStep((max - min) / TickCount);
            return new Axis(Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
        }

        public IEnumerable<double> Ticks
        {
            get
            {
                int count = (int)Math.Round((Max - Min) / Step);
                for (int i = 0; i <= count; i++)
                {
                    yield return Min + i * Step;
                }
            }
        }

        public string Label(double tick)
        {
            int decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(Step)), 0, 10);
            // Snap rounding noise such as -1e-17 to zero, which would otherwise print as "-0.0".
            return (Math.Abs(tick) < Step * 1e-9 ? 0 : tick).ToString("F" + decimals, CultureInfo.InvariantCulture);
        }

        private static double NiceStep(double rough)
        {
            double magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
            double fraction = rough / magnitude;
            // Round to the nearest nice value (Heckbert), so that the axis gets about TickCount ticks, not half as many.
            return magnitude * (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10);
        }
    }
}
