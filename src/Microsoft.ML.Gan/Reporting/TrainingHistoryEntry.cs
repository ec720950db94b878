namespace Microsoft.ML.Gan.Reporting;

/// <summary>One logged point of a GAN training run.</summary>
/// <param name="Epoch">The epoch, counted from 1.</param>
/// <param name="Step">The optimisation step (one generator and discriminator update) since the run began, resumes included.</param>
/// <param name="GeneratorLoss">The generator's loss at this step.</param>
/// <param name="DiscriminatorLoss">The discriminator's loss at this step.</param>
/// <param name="RealScore">The discriminator's mean probability that real images are real, D(x).</param>
/// <param name="FakeScore">The discriminator's mean probability that generated images are real, D(G(z)).</param>
/// <param name="ImagesPerSecond">Training throughput around this step.</param>
/// <param name="ElapsedSeconds">Wall-clock training time since the run began.</param>
public sealed record TrainingHistoryEntry(
    int Epoch,
    long Step,
    float GeneratorLoss,
    float DiscriminatorLoss,
    float RealScore,
    float FakeScore,
    double ImagesPerSecond,
    double ElapsedSeconds);
