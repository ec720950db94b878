namespace Microsoft.ML.Gan.Training;

/// <summary>What a <see cref="DomainTransferTraining"/> run needs beyond its networks and data.</summary>
/// <param name="Epochs">Passes over the source data.</param>
/// <param name="Seed">The run's seed, reported.</param>
/// <param name="TrainingDirectory">Where grids, history, report and checkpoint go; null for nowhere.</param>
/// <param name="Resume">Whether to continue from the checkpoint in the training directory.</param>
/// <param name="SmallestStandardisedDeviation">
/// When the encoders' features are standardised by each domain's own statistics, the smallest σ they are divided by as a
/// fraction of the domain's mean σ; null when they are not standardised.
/// </param>
/// <param name="SourceShapeExaggeration">
/// What the source's standardised shape features (<see cref="FrozenEncoder.ShapeFeaturesFrom"/>) are multiplied by (1 as
/// measured; above 1 a caricature of how each source image's shape departs from the source's mean); read only when the
/// features are standardised, and only of encoders that tell shape from tone.
/// </param>
/// <param name="Title">The title of log lines and of the report.</param>
/// <param name="Identity">What the checkpoint must have been written for: networks, encoder and weights.</param>
/// <param name="Progress">Receives progress after every step.</param>
/// <param name="CancellationToken">Stops training after the current step.</param>
internal sealed record DomainTransferSettings(int Epochs, int Seed, string? TrainingDirectory, bool Resume, double? SmallestStandardisedDeviation,
    double SourceShapeExaggeration, string Title, string Identity,
    IProgress<GanTrainingProgress>? Progress, CancellationToken CancellationToken);
