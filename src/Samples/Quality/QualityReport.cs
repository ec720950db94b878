using System.Globalization;
using System.Text;
using Microsoft.ML.Gan.Reporting;

namespace Microsoft.ML.Gan.Samples.Quality;

/// <summary>The <c>quality</c> command's outputs: a markdown table and an HTML page with score and distance curves.</summary>
internal static class QualityReport
{
    private static readonly string[] s_colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"];

    /// <summary>
    /// Writes quality.md (the last and the best measurement of each candidate, the best being the generator keep-best
    /// exports; then every measurement) and quality.html into <paramref name="folder"/>.
    /// </summary>
    public static string Write(string folder, GanMetrics real, double classifierAccuracy, IReadOnlyList<QualityPoint> points, string command)
    {
        var markdown = Markdown(real, classifierAccuracy, points, command);
        AtomicFile.WriteAllText(Path.Combine(folder, "quality.md"), markdown);
        AtomicFile.WriteAllText(Path.Combine(folder, "quality.html"), Html(points, markdown));
        return markdown;
    }

    private static string Markdown(GanMetrics real, double classifierAccuracy, IReadOnlyList<QualityPoint> points, string command)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Classifier accuracy on the held-out real digits: {classifierAccuracy:P2}.").AppendLine();
        text.AppendLine("| generator | epoch | steps | minutes | classifier score | of real | min class | max class | Fréchet distance |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(Row("real held-out digits", null, real, real.ClassifierScore));
        foreach (var group in points.GroupBy(p => p.Candidate))
        {
            var best = group.MaxBy(p => p.Metrics.ClassifierScore)!;
            text.AppendLine(Row(group.Key + ", last", group.Last(), group.Last().Metrics, real.ClassifierScore));
            text.AppendLine(Row(group.Key + ", kept (best score)", best, best.Metrics, real.ClassifierScore));
        }
        text.AppendLine().AppendLine("Every evaluation:").AppendLine();
        text.AppendLine("| generator | epoch | steps | minutes | classifier score | of real | min class | max class | Fréchet distance |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var point in points)
        {
            text.AppendLine(Row(point.Candidate, point, point.Metrics, real.ClassifierScore));
        }
        return text.ToString();
    }

    private static string Row(string name, QualityPoint? point, GanMetrics metrics, double realScore) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {point?.Epoch.ToString(CultureInfo.InvariantCulture) ?? "–"} | {point?.Steps.ToString(CultureInfo.InvariantCulture) ?? "–"} | {(point is null ? "–" : point.Minutes.ToString("F1", CultureInfo.InvariantCulture))} | {metrics.ClassifierScore:F2} | {metrics.ClassifierScore / realScore:P0} | {metrics.MinClassShare:P1} | {metrics.MaxClassShare:P1} | {metrics.FrechetDistance:F2} |");

    private static string Html(IReadOnlyList<QualityPoint> points, string markdown)
    {
        var groups = points.GroupBy(p => p.Candidate).ToList();
        SvgLineChart Chart(string title, string x, string y, Func<QualityPoint, double> xOf, Func<QualityPoint, double> yOf)
        {
            var chart = new SvgLineChart(title, x, y);
            for (var i = 0; i < groups.Count; i++)
            {
                chart.AddSeries(groups[i].Key, s_colours[i % s_colours.Length], groups[i].Select(p => (xOf(p), yOf(p))));
            }
            return chart;
        }
        var charts = new[]
        {
            Chart("Classifier score against steps", "steps", "score", p => p.Steps, p => p.Metrics.ClassifierScore),
            Chart("Fréchet distance against steps", "steps", "distance", p => p.Steps, p => p.Metrics.FrechetDistance),
            Chart("Classifier score against minutes", "minutes", "score", p => p.Minutes, p => p.Metrics.ClassifierScore),
            Chart("Fréchet distance against minutes", "minutes", "distance", p => p.Minutes, p => p.Metrics.FrechetDistance),
        };
        return $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>GAN quality</title></head><body>
            <h1>GAN quality</h1>
            {string.Join("\n", charts.Select(c => c.ToSvg()))}
            <pre>{System.Net.WebUtility.HtmlEncode(markdown)}</pre>
            </body></html>
            """;
    }
}
