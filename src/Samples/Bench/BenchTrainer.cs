namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// A trainer the training benchmarks measure (<c>--trainer</c>): the data it trains on by default, and its two
/// measurements of the same networks: through the ML.NET estimator (the pipeline) and in a hand-written TorchSharp loop
/// over tensors built before timing.
/// </summary>
/// <param name="name">The value of <c>--trainer</c>.</param>
/// <param name="defaultData">The <c>--data</c> when none is given: <c>mnist</c> or a folder of the repository's data/.</param>
/// <param name="imageSize">The side folder images are resized to (and IDX images framed to).</param>
/// <param name="defaultBatchSize">The <c>--batch-size</c> when none is given: what the trainer's Samples command uses.</param>
/// <param name="defaultImages">The <c>--images</c> when none is given (int.MaxValue: all).</param>
internal abstract class BenchTrainer(string name, string defaultData = "mnist", int imageSize = 28, int defaultBatchSize = 64,
    int defaultImages = 8000)
{
    /// <summary>The value of <c>--trainer</c>.</summary>
    public string Name => name;

    /// <summary>The <c>--data</c> when none is given: <c>mnist</c> or a folder of the repository's data/.</summary>
    public string DefaultData => defaultData;

    /// <summary>The side folder images are resized to (and IDX images framed to).</summary>
    public int ImageSize => imageSize;

    /// <summary>The <c>--batch-size</c> when none is given: what the trainer's Samples command uses.</summary>
    public int DefaultBatchSize => defaultBatchSize;

    /// <summary>The <c>--images</c> when none is given (int.MaxValue: all).</summary>
    public int DefaultImages => defaultImages;

    /// <summary>The trainers by name, for <c>--trainer</c>.</summary>
    public static IReadOnlyList<BenchTrainer> All { get; } =
        [GanBenchTrainer.Dcgan, GanBenchTrainer.Gan, GanBenchTrainer.Pggan, new DomainTransferBenchTrainer()];

    /// <summary>The networks both sides train, e.g. "DCGAN 1×28×28, latent 100, …".</summary>
    public abstract string Networks(BenchSetup setup, BenchOptions options);

    /// <summary>Measurement A: trains through the ML.NET estimator on the setup's data view.</summary>
    public abstract Throughput Pipeline(BenchSetup setup, BenchOptions options);

    /// <summary>Measurement B: trains the same networks in a plain TorchSharp loop on the setup's pre-built tensor.</summary>
    public abstract Throughput HandWritten(BenchSetup setup, BenchOptions options);
}
