using System.Diagnostics;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// The Domain Transfer Network trainer (<c>--trainer dtn</c>) with the digits preset's weights: the first half of the
/// images is the source, the second half the target. f is the LeNet-like classifier's feature layers, untrained (its
/// weights change nothing in the time a step takes), made alike for both sides from the bench's seed; the pipeline
/// passes it with <see cref="DomainTransferEncoder.FromModule"/>, so neither side trains a classifier first.
/// </summary>
internal sealed class DomainTransferBenchTrainer() : BenchTrainer("dtn")
{
    /// <inheritdoc/>
    public override string Networks(BenchSetup setup, BenchOptions options)
    {
        var settings = Options(setup, options);
        return $"DTN {setup.Image} → {setup.Image}, f: the LeNet-like classifier's feature layers ({DigitClassifierNetwork.FeatureCount} features), "
            + $"g and the ternary D of width {settings.Width}, α {settings.ConstancyWeight}, β {settings.IdentityWeight}, γ {settings.TotalVariationWeight}";
    }

    /// <summary>
    /// Fits <c>mlContext.Transforms.Gan.TrainDomainTransfer</c> on the source half with the target half in the options,
    /// and reads the speed from the returned history (source images per second of training, without the export).
    /// </summary>
    public override Throughput Pipeline(BenchSetup setup, BenchOptions options)
    {
        var half = Half(setup);
        var mlContext = setup.MLContext;
        var settings = Options(setup, options);
        settings.Target = mlContext.Data.SkipRows(setup.Data, half);
        using var encoder = NewEncoder(setup);
        settings.Encoder = DomainTransferEncoder.FromModule(encoder);
        using var model = mlContext.Transforms.Gan.TrainDomainTransfer(settings).Fit(mlContext.Data.TakeRows(setup.Data, half));
        var last = model.History.Entries[^1];
        // Every step took one full batch of source images (the last incomplete batch of an epoch is dropped).
        return new Throughput(last.Step * settings.BatchSize, last.ElapsedSeconds, last.GeneratorLoss,
            [.. model.History.Entries.Select(entry => entry.ImagesPerSecond)], model.History.DataWaitSeconds);
    }

    /// <summary>
    /// Trains the same f, g and D by <see cref="DomainTransferModel.Step"/> on slices of the pre-built tensor: per epoch
    /// a permutation of the source half, target batches from permutations of the target half, each step in a dispose
    /// scope and a no-GC region as the library's loop has. Only the loop is timed.
    /// </summary>
    public override Throughput HandWritten(BenchSetup setup, BenchOptions options)
    {
        var half = Half(setup);
        var settings = Options(setup, options);
        set_num_threads(options.Threads);
        using var encoderLayers = NewEncoder(setup);
        manual_seed(BenchSetup.Seed);
        using var encoder = new FrozenEncoder(encoderLayers.to(setup.Device), setup.Image, "bench");
        using var model = new DomainTransferModel(encoder, settings, setup.Device);
        using var random = new torch.Generator(BenchSetup.Seed);
        var source = setup.Images.narrow(0, 0, half);
        var target = setup.Images.narrow(0, half, half);
        var batch = options.BatchSize;
        var stepsPerEpoch = half / batch;
        var (generatorLossSum, images) = (0.0, 0L);
        var epochSpeeds = new List<double>();

        var clock = Stopwatch.StartNew();
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            generatorLossSum = 0;
            var epochStart = clock.Elapsed;
            using var epochScope = NewDisposeScope();
            var sourceOrder = randperm(half, generator: random).to(setup.Device);
            var targetOrder = randperm(half, generator: random).to(setup.Device);
            for (long step = 0; step < stepsPerEpoch; step++)
            {
                using var noGc = NoGcRegion.Enter();
                using var stepScope = NewDisposeScope();
                var sourceBatch = source.index_select(0, sourceOrder.narrow(0, step * batch, batch));
                var targetBatch = target.index_select(0, targetOrder.narrow(0, step * batch, batch));
                generatorLossSum += model.Step(sourceBatch, targetBatch).GeneratorLoss;
            }
            images += stepsPerEpoch * batch;
            epochSpeeds.Add(stepsPerEpoch * batch / (clock.Elapsed - epochStart).TotalSeconds);
        }
        clock.Stop();
        return new Throughput(images, clock.Elapsed.TotalSeconds, (float)(generatorLossSum / stepsPerEpoch), epochSpeeds);
    }

    /// <summary>Rows in each of the two halves.</summary>
    private static int Half(BenchSetup setup) => (int)(setup.Images.shape[0] / 2);

    /// <summary>
    /// The digits preset with the bench's epochs, batch, threads and seed (the target set by the caller), f's features
    /// as they are: the hand-written loop steps the model without the per-domain standardisation, and both sides must
    /// train the same computation.
    /// </summary>
    private static DomainTransferOptions Options(BenchSetup setup, BenchOptions options)
    {
        var settings = DomainTransferOptions.Digits(setup.Data);
        settings.StandardiseFeaturesPerDomain = false;
        settings.Epochs = options.Epochs;
        settings.BatchSize = options.BatchSize;
        settings.TorchThreads = options.Threads;
        settings.Seed = BenchSetup.Seed;
        return settings;
    }

    /// <summary>f's layers with the weights the bench's seed gives, the same on both sides.</summary>
    private static Sequential NewEncoder(BenchSetup setup)
    {
        manual_seed(BenchSetup.Seed);
        // The classifier's output layer is not needed; the feature layers are its registered submodule and live on.
        return new DigitClassifierNetwork(setup.Image, classCount: 10).FeatureLayers;
    }
}
