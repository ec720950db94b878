using System.Globalization;
using System.Text;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Evaluation;

namespace Microsoft.ML.Gan.Samples.DomainTransfer;

/// <summary>
/// Whether G follows a face's shape when nothing else changes: every photograph narrowed and widened about its centre
/// line by each of <see cref="Factors"/> (the uncovered sides its ground), G of each, and the mean head width
/// (<see cref="HeadWidthCarryOver.Width"/>) of both at each factor; with a grid of the first photographs at every
/// factor, each row of them above the row of G of them. The people of the ORL set differ little in width, so their own
/// widths say less about G than the same face made narrow and wide.
/// </summary>
internal static class WidthSweep
{
    /// <summary>The width factors, narrowest first.</summary>
    public static readonly IReadOnlyList<float> Factors = [0.8f, 0.9f, 1f, 1.1f, 1.2f];

    /// <summary>How many photographs the grid shows.</summary>
    private const int GridPhotographs = 6;

    /// <summary>
    /// Sweeps <paramref name="model"/> over the <c>Pixels</c> images of <paramref name="photographs"/>, writes the grid
    /// to <paramref name="gridPath"/>, and returns the report's lines.
    /// </summary>
    public static string Run(MLContext mlContext, DomainTransferTransformer model, IDataView photographs, string gridPath)
    {
        var stretched = HeadWidths.Vary(mlContext, photographs, Factors, HeadWidths.TopCornerGround);
        var before = VectorColumn.Read(stretched, model.InputColumnName).ToList();
        var after = VectorColumn.Read(model.Transform(stretched), model.OutputColumnName).ToList();
        SaveGrid(before, model.SourceShape, after, model.TargetShape, gridPath);
        var report = new StringBuilder();
        report.AppendLine("head width of every photograph stretched across by each factor (the sides its ground), and of G of it");
        report.AppendLine("factor   photographs     transferred G(s)");
        var means = new List<double>();
        for (var index = 0; index < Factors.Count; index++)
        {
            var photographWidths = Spread.Of(AtFactor(before, index).Select(image => HeadWidthCarryOver.Width(image, model.SourceShape)).ToList());
            var transferredWidths = Spread.Of(AtFactor(after, index).Select(image => HeadWidthCarryOver.Width(image, model.TargetShape)).ToList());
            means.Add(transferredWidths.Mean);
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{Factors[index],-8:F1} {photographWidths.Mean,5:F1} ± {photographWidths.Deviation,4:F1}    {transferredWidths.Mean,5:F1} ± {transferredWidths.Deviation,4:F1}"));
        }
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"elasticity of G's head width in the factor (the slope of ln width on ln factor; 1 follows the stretch, 0 ignores it): {Elasticity(means):F3}"));
        return report.ToString();
    }

    /// <summary>The least-squares slope of ln <paramref name="widths"/> (one per factor) on ln factor.</summary>
    private static double Elasticity(IReadOnlyList<double> widths)
    {
        var x = Factors.Select(factor => Math.Log(factor)).ToList();
        var y = widths.Select(width => Math.Log(width)).ToList();
        var (meanX, meanY) = (x.Average(), y.Average());
        return x.Zip(y, (a, b) => (a - meanX) * (b - meanY)).Sum() / x.Sum(a => (a - meanX) * (a - meanX));
    }

    /// <summary>The images of the factor at <paramref name="index"/>, one per photograph (the sweep holds every factor of a photograph in turn).</summary>
    private static IEnumerable<float[]> AtFactor(IReadOnlyList<float[]> sweep, int index) =>
        sweep.Where((_, position) => position % Factors.Count == index);

    /// <summary>Rows of a photograph at every factor, each followed by the row of G of them.</summary>
    private static void SaveGrid(IReadOnlyList<float[]> before, ImageShape sourceShape, IReadOnlyList<float[]> after, ImageShape targetShape,
        string path)
    {
        var rows = Enumerable.Range(0, Math.Min(GridPhotographs, before.Count / Factors.Count))
            .Select(photograph => photograph * Factors.Count)
            .Select(start => (before.Skip(start).Take(Factors.Count), after.Skip(start).Take(Factors.Count)));
        BeforeAfterGrid.Save(rows, sourceShape, targetShape, Factors.Count, path);
    }
}
