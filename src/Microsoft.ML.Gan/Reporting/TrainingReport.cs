using System.Net;
using System.Text;

namespace Microsoft.ML.Gan.Reporting;

/// <summary>
/// Writes the report of a GAN training run as one self-contained HTML page: facts, loss and score curves as inline
/// SVG, and sample grids referenced by relative path.
/// </summary>
public static class TrainingReport
{
    /// <summary>Writes the report to <paramref name="path"/>, replacing any existing file atomically.</summary>
    /// <param name="path">The HTML file to write; its folder is created when missing.</param>
    /// <param name="title">The page title.</param>
    /// <param name="history">The logged training history; its curves are plotted against the step.</param>
    /// <param name="images">Sample pictures in display order, with paths relative to the folder of <paramref name="path"/>.</param>
    /// <param name="facts">Facts shown as a table in enumeration order, such as epochs, steps, images/s, seed, device.</param>
    public static void WriteHtml(
        string path, string title, TrainingHistory history,
        IReadOnlyList<(string Caption, string RelativeImagePath)> images, IReadOnlyDictionary<string, string> facts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllText(path, ToHtml(title, history, images, facts));
    }

    /// <summary>Renders the report as HTML text; see <see cref="WriteHtml"/>.</summary>
    /// <param name="title">The page title.</param>
    /// <param name="history">The logged training history; its curves are plotted against the step.</param>
    /// <param name="images">Sample pictures in display order, with paths relative to the page.</param>
    /// <param name="facts">Facts shown as a table in enumeration order.</param>
    /// <returns>The complete HTML document.</returns>
    public static string ToHtml(
        string title, TrainingHistory history,
        IReadOnlyList<(string Caption, string RelativeImagePath)> images, IReadOnlyDictionary<string, string> facts)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(facts);

        var html = new StringBuilder();
        // $$ so that CSS braces stay literal.
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{{Encode(title)}}</title>
            <style>
            body { font-family: sans-serif; margin: 2em; color: #222; }
            table.facts { border-collapse: collapse; }
            table.facts th, table.facts td { border: 1px solid #ccc; padding: 0.3em 0.8em; text-align: left; }
            figure { display: inline-block; margin: 0 1.5em 1.5em 0; vertical-align: top; }
            img { image-rendering: pixelated; }
            svg { margin: 0 1em 1em 0; border: 1px solid #ddd; }
            </style>
            </head>
            <body>
            <h1>{{Encode(title)}}</h1>

            """);

        html.Append("<h2>Facts</h2>\n<table class=\"facts\">\n");
        foreach (var (name, value) in facts)
        {
            html.Append($"<tr><th>{Encode(name)}</th><td>{Encode(value)}</td></tr>\n");
        }
        html.Append("</table>\n");

        html.Append("<h2>Training curves</h2>\n");
        html.Append(Chart(history, "Losses", "loss",
            ("generator", "#1f77b4", e => e.GeneratorLoss), ("discriminator", "#d62728", e => e.DiscriminatorLoss)));
        html.Append(Chart(history, "Discriminator scores", "mean D output",
            ("D(real)", "#2ca02c", e => e.RealScore), ("D(fake)", "#ff7f0e", e => e.FakeScore)));

        if (images.Count > 0)
        {
            html.Append("<h2>Samples</h2>\n");
            foreach (var (caption, relativePath) in images)
            {
                html.Append($"""<figure><img src="{Encode(ToUrl(relativePath))}" alt="{Encode(caption)}"><figcaption>{Encode(caption)}</figcaption></figure>""").Append('\n');
            }
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string Chart(
        TrainingHistory history, string title, string yLabel,
        params (string Name, string Color, Func<TrainingHistoryEntry, float> Value)[] series)
    {
        var chart = new SvgLineChart(title, "step", yLabel);
        foreach (var (name, color, value) in series)
        {
            chart.AddSeries(name, color, history.Entries.Select(e => ((double)e.Step, (double)value(e))));
        }
        return chart.ToSvg() + "\n";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    // A file path is not a URL: Windows separators become '/', and spaces or '#' in a name must be escaped.
    private static string ToUrl(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return string.Join('/', relativePath.Split('/', '\\').Select(Uri.EscapeDataString));
    }
}
