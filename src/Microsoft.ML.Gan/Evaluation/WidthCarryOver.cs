namespace Microsoft.ML.Gan.Evaluation;

/// <summary>How far heads' widths in photographs and in G of them go together.</summary>
/// <param name="Correlation">The Pearson correlation of the widths, −1 to 1 (0 when either has no spread).</param>
/// <param name="Photographs">The photographs' head widths, in pixels.</param>
/// <param name="Transferred">The transferred images' head widths, in pixels.</param>
internal sealed record WidthCarryOver(double Correlation, Spread Photographs, Spread Transferred);
