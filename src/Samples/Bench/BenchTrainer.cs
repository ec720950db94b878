using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// A trainer the training benchmarks measure (<c>--trainer</c>): the data it trains on by default, and the estimator
/// and options both sides share: the pipeline fits the estimator, the hand-written loop trains the networks it plans.
/// </summary>
/// <param name="Name">The value of <c>--trainer</c>.</param>
/// <param name="DefaultData">The <c>--data</c> when none is given: <c>mnist</c> or a folder of the repository's data/.</param>
/// <param name="ImageSize">The side folder images are resized to.</param>
/// <param name="DefaultBatchSize">The <c>--batch-size</c> when none is given: what the trainer's Samples command uses.</param>
/// <param name="NewOptions">The trainer's options before the benchmark's settings, from the bench options and the number
/// of images loaded: the Samples command's network sizes, and for a growing trainer the images per phase.</param>
/// <param name="NewEstimator">The estimator of the catalog for options made by <paramref name="NewOptions"/>.</param>
internal sealed record BenchTrainer(string Name, string DefaultData, int ImageSize, int DefaultBatchSize,
    Func<BenchOptions, int, GanTrainerOptions> NewOptions, Func<GanCatalog, GanTrainerOptions, GanTrainerEstimator> NewEstimator)
{
    /// <summary>DCGAN 1×28×28 on MNIST with the library's default options, as <c>dcgan --preset paper</c> trains it.</summary>
    public static BenchTrainer Dcgan { get; } = new("dcgan", "mnist", 28, 64, (_, _) => new DcganOptions(),
        (gan, options) => gan.TrainDcgan((DcganOptions)options));

    /// <summary>The original MLP GAN on MNIST with the library's default options.</summary>
    public static BenchTrainer Gan { get; } = new("gan", "mnist", 28, 64, (_, _) => new MlpGanOptions(),
        (gan, options) => gan.TrainGan((MlpGanOptions)options));

    /// <summary>
    /// The progressive GAN of the <c>pggan</c> command, grown to 32×32 on the bundled emoji faces; every growth phase
    /// shows <c>--epochs</c> × the images (so 7 phases make 7 × <c>--epochs</c> passes over the data).
    /// </summary>
    public static BenchTrainer Pggan { get; } = new("pggan", Path.Combine("twemoji-faces", "people"), 32, 16,
        (options, images) => PgganCommand.CpuOptions(checked(options.Epochs * images)),
        (gan, options) => gan.TrainProgressiveGan((ProgressiveGanOptions)options));

    /// <summary>The trainers by name, for <c>--trainer</c>.</summary>
    public static IReadOnlyList<BenchTrainer> All { get; } = [Dcgan, Gan, Pggan];

    /// <summary>
    /// The options both sides train with on <paramref name="images"/> images: the trainer's, with the bench's epochs,
    /// batch, threads and seed.
    /// </summary>
    public GanTrainerOptions Options(BenchOptions options, int images)
    {
        var trainerOptions = NewOptions(options, images);
        trainerOptions.Epochs = options.Epochs;
        trainerOptions.BatchSize = options.BatchSize;
        trainerOptions.TorchThreads = options.Threads;
        trainerOptions.Seed = BenchSetup.Seed;
        return trainerOptions;
    }

    /// <summary>The images a growing trainer's schedule shows before it is complete, with steps of its batch sizes.</summary>
    public static long ScheduledImages(GrowthSchedule growth, int batchSize)
    {
        var shown = 0L;
        while (!growth.IsComplete(shown))
        {
            shown += growth.BatchesPerStep(growth.PhaseAt(shown).Level) * (long)batchSize;
        }
        return shown;
    }
}
