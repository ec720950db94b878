namespace Microsoft.ML.Gan;

/// <summary>Where training stands after one step, reported through the options' <c>Progress</c>.</summary>
/// <param name="Epoch">The current epoch, 1-based.</param>
/// <param name="Epochs">The number of epochs to train.</param>
/// <param name="Step">Steps taken since training began (resumed runs included).</param>
/// <param name="StepInEpoch">Steps taken in the current epoch, 1-based.</param>
/// <param name="GeneratorLoss">The generator's loss at this step.</param>
/// <param name="DiscriminatorLoss">The discriminator's loss at this step.</param>
/// <param name="ImagesPerSecond">Real images consumed per second in the current epoch so far.</param>
/// <param name="Growth">For a progressively grown GAN, where it stands in its growth schedule (which, not the epochs,
/// decides when training ends); null for networks that do not grow.</param>
public sealed record GanTrainingProgress(int Epoch, int Epochs, long Step, int StepInEpoch, float GeneratorLoss,
    float DiscriminatorLoss, double ImagesPerSecond, GrowthProgress? Growth = null);
