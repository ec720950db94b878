using System.Globalization;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>The options of the <c>bench</c> command, parsed from its arguments.</summary>
/// <param name="OutputDirectory">Where bench.json and bench.md are written.</param>
/// <param name="Images">How many of the bundled MNIST digits to train on (the first ones).</param>
/// <param name="Epochs">Passes over the digits in each measurement.</param>
/// <param name="BatchSize">Images per step, on both sides.</param>
/// <param name="Threads">Threads libtorch may use, on both sides.</param>
/// <param name="Trials">How many times each of the two measurements runs (alternating).</param>
/// <param name="DataPath">The IDX images file to read.</param>
internal sealed record BenchOptions(string OutputDirectory, int Images, int Epochs, int BatchSize, int Threads, int Trials,
    string DataPath)
{
    /// <summary>The options, as the usage lines of every command that takes them show them.</summary>
    public const string Arguments =
        "--output DIR [--images N (8000)] [--epochs N (2)] [--batch-size N (64)] [--threads N (2)] [--trials N (3)] [--data IDX (bundled MNIST)]";

    /// <summary>What the command prints when its arguments are wrong.</summary>
    public const string Usage = "bench " + Arguments;

    /// <summary>Reads the arguments that follow the word <c>bench</c>.</summary>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or has a value out of range.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        string? output = null;
        string? data = null;
        int images = 8000, epochs = 2, batchSize = 64, threads = 2, trials = 3;
        for (int i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"Option '{name}' needs a value.");
            switch (name)
            {
                case "--output": output = value; break;
                case "--data": data = value; break;
                case "--images": images = Positive(name, value); break;
                case "--epochs": epochs = Positive(name, value); break;
                case "--batch-size": batchSize = Positive(name, value); break;
                case "--threads": threads = Positive(name, value); break;
                case "--trials": trials = Positive(name, value); break;
                default: throw new ArgumentException($"Unknown option '{name}'.");
            }
        }
        if (string.IsNullOrWhiteSpace(output))
        {
            throw new ArgumentException("Option '--output DIR' is required.");
        }
        if (batchSize < 2 || batchSize > images)
        {
            throw new ArgumentException($"--batch-size must be from 2 to --images ({images}); found {batchSize}.");
        }
        return new BenchOptions(output, images, epochs, batchSize, threads, trials, data ?? BundledData.MnistImages());
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"Option '{name}' expects a positive whole number; found '{value}'.");
}
