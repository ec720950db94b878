using System.Diagnostics;
using Microsoft.ML.Gan.Training;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// Measurement B of the GAN trainers: the networks and optimisers the trainer's estimator plans, trained by a plain
/// TorchSharp loop over a tensor that already holds every image, i.e. what the pipeline would cost with no data path.
/// </summary>
internal static class HandWrittenMeasurement
{
    /// <summary>
    /// Trains a fresh <see cref="AdversarialModel"/> of the trainer's networks: per epoch a random permutation, steps
    /// taken with <c>index_select</c>, latents from <c>randn</c>; a growing trainer follows its schedule (networks grown
    /// and real images blended at every step, Adam reset at every new phase) until it is complete. Each step pays what
    /// the library's step pays around the networks: a dispose scope and a no-GC region. Only the loop is timed.
    /// </summary>
    public static Throughput Run(BenchSetup setup, BenchOptions options, GanTrainerEstimator estimator, GanTrainerOptions trainerOptions)
    {
        var architecture = estimator.Plan(setup.Image);
        var growth = estimator.Growth(architecture);
        set_num_threads(options.Threads);
        manual_seed(BenchSetup.Seed);
        using var model = new AdversarialModel(architecture.CreateGenerator, architecture.CreateDiscriminator, architecture.LatentSize,
            AdversarialSettings.From(trainerOptions, BenchSetup.Seed), setup.Device);
        using var random = new Generator(BenchSetup.Seed);
        var images = setup.Images;
        var count = images.shape[0];
        var (shown, phaseIndex, generatorLossSum, steps) = (0L, -1, 0.0, 0);
        var epochSpeeds = new List<double>();

        var clock = Stopwatch.StartNew();
        for (int epoch = 0; growth is null ? epoch < options.Epochs : !growth.IsComplete(shown); epoch++)
        {
            (generatorLossSum, steps) = (0, 0);
            var (epochStart, shownBefore, position) = (clock.Elapsed, shown, 0L);
            using var epochScope = NewDisposeScope();
            var order = randperm(count, generator: random).to(setup.Device);
            while (growth is null || !growth.IsComplete(shown))
            {
                var phase = growth?.PhaseAt(shown);
                var stepImages = options.BatchSize * (phase is { } level ? growth!.BatchesPerStep(level.Level) : 1);
                if (position + stepImages > count)
                {
                    break;
                }
                using var noGc = NoGcRegion.Enter();
                using var stepScope = NewDisposeScope();
                var real = images.index_select(0, order.narrow(0, position, stepImages));
                if (phase is { } growing)
                {
                    if (growing.Index != phaseIndex)
                    {
                        model.ResetOptimizers();
                        phaseIndex = growing.Index;
                    }
                    GrowthSchedule.Apply(model, growing);
                    real = growth!.BlendReal(real, growing);
                }
                var latents = randn([stepImages, architecture.LatentSize], generator: random).to(setup.Device);
                generatorLossSum += model.Step(real, latents).GeneratorLoss;
                (steps, position, shown) = (steps + 1, position + stepImages, shown + stepImages);
            }
            epochSpeeds.Add((shown - shownBefore) / (clock.Elapsed - epochStart).TotalSeconds);
        }
        clock.Stop();
        return new Throughput(shown, clock.Elapsed.TotalSeconds, (float)(generatorLossSum / steps), epochSpeeds);
    }
}
