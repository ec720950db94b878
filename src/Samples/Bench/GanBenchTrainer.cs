using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// A GAN trainer of the library (<see cref="GanTrainerEstimator"/>): the pipeline fits its estimator, the hand-written
/// loop trains the networks (and follows the growth schedule) the same estimator plans.
/// </summary>
/// <param name="name">The value of <c>--trainer</c>.</param>
/// <param name="defaultData">The <c>--data</c> when none is given.</param>
/// <param name="imageSize">The side folder images are resized to.</param>
/// <param name="defaultBatchSize">The <c>--batch-size</c> when none is given.</param>
/// <param name="defaultImages">The <c>--images</c> when none is given.</param>
/// <param name="newOptions">The trainer's options before the benchmark's settings, from the bench options and the
/// number of images loaded: the Samples command's network sizes, and for a growing trainer the images per phase.</param>
/// <param name="newEstimator">The estimator of the catalog for options made by <paramref name="newOptions"/>.</param>
internal sealed class GanBenchTrainer(string name, string defaultData, int imageSize, int defaultBatchSize, int defaultImages,
    Func<BenchOptions, int, GanTrainerOptions> newOptions, Func<GanCatalog, GanTrainerOptions, GanTrainerEstimator> newEstimator)
    : BenchTrainer(name, defaultData, imageSize, defaultBatchSize, defaultImages)
{
    /// <summary>DCGAN 1×28×28 on MNIST with the library's default options (the paper's, with the generator weight average).</summary>
    public static GanBenchTrainer Dcgan { get; } = new("dcgan", "mnist", 28, 64, 8000, (_, _) => new DcganOptions(), (gan, options) => gan.TrainDcgan((DcganOptions)options));

    /// <summary>The original MLP GAN on MNIST with the library's default options.</summary>
    public static GanBenchTrainer Gan { get; } = new("gan", "mnist", 28, 64, 8000, (_, _) => new MlpGanOptions(), (gan, options) => gan.TrainGan((MlpGanOptions)options));

    /// <summary>
    /// The progressive GAN of the <c>pggan</c> command, grown to 32×32 on the bundled emoji faces; every growth phase
    /// shows <c>--epochs</c> × the images (so its 7 phases make 7 × <c>--epochs</c> passes over the data).
    /// </summary>
    public static GanBenchTrainer Pggan { get; } = new("pggan", Path.Combine("twemoji-faces", "people"), 32, 16, int.MaxValue,
        (options, images) => PgganCommand.CpuOptions(checked(options.Epochs * images)),
        (gan, options) => gan.TrainProgressiveGan((ProgressiveGanOptions)options));

    /// <inheritdoc/>
    public override string Networks(BenchSetup setup, BenchOptions options) => Estimator(setup, options, out _).Plan(setup.Image).Identity;

    /// <inheritdoc/>
    public override Throughput Pipeline(BenchSetup setup, BenchOptions options)
    {
        var estimator = Estimator(setup, options, out var trainerOptions);
        return PipelineMeasurement.Run(estimator, setup.Data, trainerOptions.BatchSize, setup.Image);
    }

    /// <inheritdoc/>
    public override Throughput HandWritten(BenchSetup setup, BenchOptions options)
    {
        var estimator = Estimator(setup, options, out var trainerOptions);
        return HandWrittenMeasurement.Run(setup, options, estimator, trainerOptions);
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

    /// <summary>
    /// The estimator both sides take their networks from, and its options: the trainer's, with the bench's epochs,
    /// batch, threads and seed.
    /// </summary>
    private GanTrainerEstimator Estimator(BenchSetup setup, BenchOptions options, out GanTrainerOptions trainerOptions)
    {
        trainerOptions = newOptions(options, (int)setup.Images.shape[0]);
        trainerOptions.Epochs = options.Epochs;
        trainerOptions.BatchSize = options.BatchSize;
        trainerOptions.TorchThreads = options.Threads;
        trainerOptions.Seed = BenchSetup.Seed;
        return newEstimator(setup.MLContext.Transforms.Gan, trainerOptions);
    }
}
