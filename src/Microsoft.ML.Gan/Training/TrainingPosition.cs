namespace Microsoft.ML.Gan.Training;

/// <summary>How far training has come: the epoch under way (0-based), the batches of it already trained, the steps and real images in all, and the growth phase.</summary>
/// <param name="Epoch">The epoch under way, 0-based; equal to the epoch count once training is over.</param>
/// <param name="BatchesInEpoch">Data batches of <paramref name="Epoch"/> already trained.</param>
/// <param name="Step">Steps trained since the start.</param>
/// <param name="ImagesShown">Real images shown to the discriminator since the start.</param>
/// <param name="Phase">The growth phase of the last step of a progressive run (see <see cref="GrowthPhase.Index"/>); −1 before any or without growth.</param>
internal readonly record struct TrainingPosition(int Epoch, int BatchesInEpoch, long Step, long ImagesShown = 0, int Phase = -1);
