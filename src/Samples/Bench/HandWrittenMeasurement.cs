using System.Diagnostics;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Training;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// Measurement B: the same DCGAN networks and optimisers trained by a plain TorchSharp loop over a tensor that already
/// holds every image, i.e. what the pipeline would cost with no data path at all.
/// </summary>
internal static class HandWrittenMeasurement
{
    /// <summary>
    /// Trains a fresh DCGAN <see cref="AdversarialModel"/> for the options' epochs: per epoch a random permutation, full batches taken
    /// with <c>index_select</c>, latents from <c>randn</c>. Each step pays what the library's step pays around the
    /// networks: a dispose scope and a no-GC region. Only the loop is timed.
    /// </summary>
    public static Throughput Run(Tensor images, BenchOptions options, int seed, Device device)
    {
        set_num_threads(options.Threads);
        manual_seed(seed);
        var layout = BenchSetup.Layout;
        var architecture = new DcganArchitecture(layout, DcganOptions.ArchitectureDefaults.FeatureGrid, spectralNormalization: false);
        using var model = new AdversarialModel(architecture.CreateGenerator, architecture.CreateDiscriminator, layout.LatentSize,
            AdversarialSettings.Defaults(seed), device);
        using var random = new Generator((ulong)seed);
        var count = images.shape[0];
        var batches = count / options.BatchSize;
        var generatorLossSum = 0.0;
        var epochSpeeds = new List<double>();

        var clock = Stopwatch.StartNew();
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            generatorLossSum = 0;
            var epochStart = clock.Elapsed;
            using var epochScope = NewDisposeScope();
            var order = randperm(count, generator: random).to(device);
            for (long batch = 0; batch < batches; batch++)
            {
                using var noGc = NoGcRegion.Enter();
                using var stepScope = NewDisposeScope();
                var real = images.index_select(0, order.narrow(0, batch * options.BatchSize, options.BatchSize));
                var latents = randn([options.BatchSize, layout.LatentSize], generator: random).to(device);
                generatorLossSum += model.Step(real, latents).GeneratorLoss;
            }
            epochSpeeds.Add(batches * options.BatchSize / (clock.Elapsed - epochStart).TotalSeconds);
        }
        clock.Stop();
        return new Throughput(batches * options.BatchSize * options.Epochs, clock.Elapsed.TotalSeconds,
            (float)(generatorLossSum / batches), epochSpeeds);
    }
}
