using System.Globalization;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>The options of the <c>bench</c> command, parsed from its arguments.</summary>
/// <param name="OutputDirectory">Where bench.json and bench.md are written.</param>
/// <param name="Trainer">The trainer both sides train.</param>
/// <param name="Images">How many images of the data to train on (the first ones).</param>
/// <param name="Epochs">Passes over the images in each measurement (a growing trainer: see <see cref="GanBenchTrainer.Pggan"/>).</param>
/// <param name="BatchSize">Images per step, on both sides.</param>
/// <param name="Threads">Threads libtorch may use, on both sides.</param>
/// <param name="Trials">How many times each of the two measurements runs (alternating).</param>
/// <param name="Data">The data: <c>mnist</c>, an IDX images file or a folder of images.</param>
/// <param name="Cache">
/// Whether the pipeline reads the data through <c>mlContext.Data.Cache</c> (decoded once, held in memory, as the
/// hand-written loop's tensor) rather than decoding the file every epoch.
/// </param>
internal sealed record BenchOptions(string OutputDirectory, BenchTrainer Trainer, int Images, int Epochs, int BatchSize, int Threads,
    int Trials, string Data, bool Cache)
{
    /// <summary>The options, as the usage lines of every command that takes them show them.</summary>
    public const string Arguments =
        "--output DIR [--trainer dcgan|gan|pggan|dtn (dcgan)] [--images N (8000; pggan: all)] [--epochs N (2)] [--batch-size N (64; pggan: 16)] "
        + "[--threads N (2)] [--trials N (3)] [--data mnist|IDX|DIR (mnist; pggan: data/twemoji-faces/people)] [--cache yes|no (no)]";

    /// <summary>What the command prints when its arguments are wrong.</summary>
    public const string Usage = "bench " + Arguments;

    /// <summary>Reads the arguments that follow the word <c>bench</c>.</summary>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or has a value out of range.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        string? output = null;
        string? data = null;
        int? images = null, batchSize = null;
        int epochs = 2, threads = 2, trials = 3;
        var cache = false;
        BenchTrainer trainer = GanBenchTrainer.Dcgan;
        for (int i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"Option '{name}' needs a value.");
            switch (name)
            {
                case "--output": output = value; break;
                case "--data": data = value; break;
                case "--trainer":
                    trainer = BenchTrainer.All.FirstOrDefault(candidate => candidate.Name == value)
                        ?? throw new ArgumentException($"Option '--trainer' expects {string.Join(", ", BenchTrainer.All.Select(t => t.Name))}; found '{value}'.");
                    break;
                case "--images": images = Positive(name, value); break;
                case "--epochs": epochs = Positive(name, value); break;
                case "--batch-size": batchSize = Positive(name, value); break;
                case "--threads": threads = Positive(name, value); break;
                case "--trials": trials = Positive(name, value); break;
                case "--cache":
                    cache = value switch
                    {
                        "yes" => true,
                        "no" => false,
                        _ => throw new ArgumentException($"Option '--cache' expects yes or no; found '{value}'."),
                    };
                    break;
                default: throw new ArgumentException($"Unknown option '{name}'.");
            }
        }
        if (string.IsNullOrWhiteSpace(output))
        {
            throw new ArgumentException("Option '--output DIR' is required.");
        }
        var imageCount = images ?? trainer.DefaultImages;
        var batch = batchSize ?? trainer.DefaultBatchSize;
        if (batch < 2 || batch > imageCount)
        {
            throw new ArgumentException($"--batch-size must be from 2 to --images ({imageCount}); found {batch}.");
        }
        return new BenchOptions(output, trainer, imageCount, epochs, batch, threads, trials,
            data ?? TrainingData.MnistOrBundled(trainer.DefaultData), cache);
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"Option '{name}' expects a positive whole number; found '{value}'.");
}
