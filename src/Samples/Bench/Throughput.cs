namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>Images trained on in a measured stretch of time.</summary>
/// <param name="Images">Real images consumed by the training steps.</param>
/// <param name="Seconds">Wall-clock seconds of the training steps.</param>
/// <param name="LastEpochGeneratorLoss">The mean generator loss of the last epoch, to show that both sides trained alike.</param>
/// <param name="EpochImagesPerSecond">Images per second of each epoch, to show warm-up and stalls.</param>
public sealed record Throughput(long Images, double Seconds, float LastEpochGeneratorLoss, IReadOnlyList<double> EpochImagesPerSecond)
{
    /// <summary>Images per second.</summary>
    public double ImagesPerSecond => Images / Seconds;
}
