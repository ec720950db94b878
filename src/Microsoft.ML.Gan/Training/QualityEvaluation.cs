using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>How the training loop evaluates generators to keep the best one.</summary>
/// <param name="Score">Scores generated pixels [N, C, H, W] in 0..255; higher is better.</param>
/// <param name="Interval">Epochs between two evaluations; the last epoch is always evaluated.</param>
/// <param name="SampleCount">Images generated for each evaluation, from latents fixed for the run.</param>
internal sealed record QualityEvaluation(Func<Tensor, double> Score, int Interval, int SampleCount);
