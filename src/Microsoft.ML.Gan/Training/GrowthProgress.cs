namespace Microsoft.ML.Gan;

/// <summary>Where a progressively grown GAN stands in its growth schedule, part of <see cref="GanTrainingProgress"/>.</summary>
/// <param name="Phase">The phase of the last step, e.g. "level-2-16x16-fade".</param>
/// <param name="Alpha">The fade-in weight of the newest block in that step, from 0 to 1 (1 in a stable phase).</param>
/// <param name="ImagesShown">Real images shown to the discriminator since training began.</param>
/// <param name="TotalImages">The images the schedule shows before training ends.</param>
public sealed record GrowthProgress(string Phase, double Alpha, long ImagesShown, long TotalImages);
