namespace Microsoft.ML.Gan.Training;

/// <summary>How far training has come: the epoch under way (0-based), the batches of it already trained, and the steps in all.</summary>
/// <param name="Epoch">The epoch under way, 0-based; equal to the epoch count once training is over.</param>
/// <param name="BatchesInEpoch">Batches of <paramref name="Epoch"/> already trained.</param>
/// <param name="Step">Steps trained since the start.</param>
internal readonly record struct TrainingPosition(int Epoch, int BatchesInEpoch, long Step);
