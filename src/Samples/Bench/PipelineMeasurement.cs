namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>Measurement A: DCGAN trained the way a user trains it, through the ML.NET estimator.</summary>
internal static class PipelineMeasurement
{
    /// <summary>
    /// Fits <c>mlContext.Transforms.Gan.TrainDcgan</c> on <paramref name="digits"/> and reads the speed from the returned
    /// history: its last entry holds the steps taken and the training seconds up to the end of the last epoch, so the
    /// network construction before and the ONNX export after are left out.
    /// </summary>
    public static Throughput Run(MLContext mlContext, IDataView digits, BenchOptions options, int seed) =>
        Run(mlContext, digits, new DcganOptions
        {
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            TorchThreads = options.Threads,
            Seed = seed,
        });

    /// <summary>Fits a DCGAN of any <paramref name="options"/> (epochs, batch, widths, threads) and reads its speed the same way.</summary>
    public static Throughput Run(MLContext mlContext, IDataView digits, DcganOptions options)
    {
        var estimator = mlContext.Transforms.Gan.TrainDcgan(options);
        using var model = estimator.Fit(digits);
        var last = model.History.Entries[^1];
        // The estimator drops the incomplete last batch, so every step consumed a full batch.
        return new Throughput(last.Step * options.BatchSize, last.ElapsedSeconds, last.GeneratorLoss,
            [.. model.History.Entries.Select(entry => entry.ImagesPerSecond)], model.History.DataWaitSeconds);
    }
}
