namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>Images trained on in a measured stretch of time.</summary>
/// <param name="Images">Real images consumed by the training steps.</param>
/// <param name="Seconds">Wall-clock seconds of the training steps.</param>
/// <param name="LastEpochGeneratorLoss">The mean generator loss of the last epoch, to show that both sides trained alike.</param>
/// <param name="EpochImagesPerSecond">Images per second of each epoch, to show warm-up and stalls.</param>
/// <param name="DataWaitSeconds">Seconds the training loop waited for its next batch (the pipeline's read-ahead; 0 for pre-built tensors).</param>
public sealed record Throughput(long Images, double Seconds, float LastEpochGeneratorLoss, IReadOnlyList<double> EpochImagesPerSecond,
    double DataWaitSeconds = 0)
{
    /// <summary>Images per second.</summary>
    public double ImagesPerSecond => Images / Seconds;

    /// <summary>The images/s of each epoch, comma-separated, for progress lines.</summary>
    public string EpochSpeedsText() =>
        string.Join(", ", EpochImagesPerSecond.Select(speed => speed.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)));
}
