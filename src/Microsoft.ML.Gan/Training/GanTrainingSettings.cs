namespace Microsoft.ML.Gan.Training;

/// <summary>What the training loop needs beyond the model and the data.</summary>
/// <param name="Epochs">Passes over the data.</param>
/// <param name="Seed">Seed of the latent draws and of the data order.</param>
/// <param name="TrainingDirectory">Where sample grids, history.csv, report.html and the checkpoint go; none when null.</param>
/// <param name="Resume">Whether to continue from the checkpoint in <paramref name="TrainingDirectory"/> when there is one.</param>
/// <param name="SampleCount">Images in each epoch's sample grid (the same latents every epoch).</param>
/// <param name="Title">Name of the model in logs and reports, e.g. "DCGAN 1×28×28".</param>
/// <param name="LatentDistribution">The distribution of the latent draws and of the sample grid's latents.</param>
/// <param name="Quality">How to evaluate generators to keep the best; null to keep the last.</param>
/// <param name="TimeLimit">Stops at the first epoch boundary after this much training time; null for none.</param>
/// <param name="Progress">Receives a report after every step; may be null.</param>
/// <param name="CancellationToken">Stops training after the current step; the checkpoint is written first.</param>
/// <param name="Growth">
/// The growth of progressive networks; with one, training lasts until its schedule is complete (not
/// <paramref name="Epochs"/>) and the sample grids are taken at the end of every growth phase instead of every epoch.
/// </param>
internal sealed record GanTrainingSettings(int Epochs, int Seed, string? TrainingDirectory, bool Resume, int SampleCount,
    string Title, LatentDistribution LatentDistribution, QualityEvaluation? Quality, TimeSpan? TimeLimit, IProgress<GanTrainingProgress>? Progress,
    CancellationToken CancellationToken, GrowthSchedule? Growth = null)
{
    /// <summary>The checkpoint file (checkpoint/training-state.bin), when there is a training directory.</summary>
    public string? CheckpointPath => TrainingDirectory is null ? null : Path.Combine(TrainingDirectory, "checkpoint", "training-state.bin");
}
