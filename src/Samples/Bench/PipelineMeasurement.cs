using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>Measurement A of the GAN trainers: a GAN trained the way a user trains it, through the ML.NET estimator.</summary>
internal static class PipelineMeasurement
{
    /// <summary>
    /// Fits <paramref name="estimator"/> on <paramref name="data"/> (images of shape <paramref name="image"/>) and reads
    /// the speed from the returned history: its last entry holds the steps taken and the training seconds up to the end
    /// of the last epoch, so the network construction before and the ONNX export after are left out.
    /// </summary>
    public static Throughput Run(GanTrainerEstimator estimator, IDataView data, int batchSize, ImageShape image)
    {
        using var model = estimator.Fit(data);
        var last = model.History.Entries[^1];
        // The estimator drops the incomplete last batch, so every step consumed full batches: one, or with growth as
        // many as the schedule asks for at the step's level.
        var images = estimator.Growth(estimator.Plan(image)) is { } growth
            ? GanBenchTrainer.ScheduledImages(growth, batchSize)
            : last.Step * batchSize;
        return new Throughput(images, last.ElapsedSeconds, last.GeneratorLoss,
            [.. model.History.Entries.Select(entry => entry.ImagesPerSecond)], model.History.DataWaitSeconds);
    }
}
