using System.Globalization;
using System.Text;

namespace Microsoft.ML.Gan.Samples.SvmEval;

/// <summary>The results of every representation over every label draw, as a markdown table of means and spreads.</summary>
internal sealed class SvmEvalReport(string settings)
{
    private readonly List<(string Name, int Width, IReadOnlyList<SvmResult> Draws)> _rows = [];

    /// <summary>Adds one representation's results.</summary>
    public void Add(string name, int width, IReadOnlyList<SvmResult> draws) => _rows.Add((name, width, draws));

    /// <summary>The markdown: settings, then one line per representation.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(settings).AppendLine();
        text.AppendLine("| Representation | Features | Micro accuracy | Macro accuracy | Per draw (micro) | λ chosen per draw |");
        text.AppendLine("|:---------------|---------:|---------------:|---------------:|:-----------------|:------------------|");
        foreach (var (name, width, draws) in _rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {width} | {Spread(draws.Select(d => d.MicroAccuracy))} | {Spread(draws.Select(d => d.MacroAccuracy))} | " +
                $"{string.Join(", ", draws.Select(d => Percent(d.MicroAccuracy)))} | {string.Join(", ", draws.Select(d => d.Lambda.ToString("g1", CultureInfo.InvariantCulture)))} |");
        }
        text.AppendLine().AppendLine("Mean ± standard deviation over the label draws, in percent of the test rows.");
        return text.ToString();
    }

    private static string Spread(IEnumerable<double> values)
    {
        var all = values.ToArray();
        var mean = all.Average();
        var deviation = all.Length > 1 ? Math.Sqrt(all.Sum(v => (v - mean) * (v - mean)) / (all.Length - 1)) : 0;
        return string.Create(CultureInfo.InvariantCulture, $"{100 * mean:F2} ± {100 * deviation:F2}");
    }

    private static string Percent(double value) => string.Create(CultureInfo.InvariantCulture, $"{100 * value:F1}");
}
