namespace Microsoft.ML.Gan.Samples.Quality;

/// <summary>The metrics of one generator at one moment of its training.</summary>
/// <param name="Candidate">The configuration's name.</param>
/// <param name="Epoch">Epochs trained.</param>
/// <param name="Steps">Steps trained.</param>
/// <param name="Minutes">Training minutes (the loop's clock, evaluation included).</param>
/// <param name="Metrics">Classifier score, coverage and Fréchet distance of the samples.</param>
internal sealed record QualityPoint(string Candidate, int Epoch, long Steps, double Minutes, GanMetrics Metrics);
