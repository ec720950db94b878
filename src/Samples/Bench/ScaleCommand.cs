using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// The <c>bench-scale</c> command: peak resident memory and time per image of one training epoch over a streamed
/// synthetic IDataView of 10,000 rows against one of 200,000 rows, each in a fresh child process (this program run
/// again with <c>--child-rows N</c>) so that the two peaks are independent.
/// </summary>
internal static class ScaleCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage = "bench-scale --output DIR [--small N (10000)] [--large N (200000)] [--width N (32)] [--threads N (2)]";

    /// <summary>The peak-memory ratio the requirement allows (large over small).</summary>
    public const double RequiredRatio = 1.1;

    private const string ResultMarker = "SCALE-RESULT ";

    private const int WarmUpRows = 1280;

    /// <summary>Runs both children and reports, or, with <c>--child-rows</c>, is one child.</summary>
    public static int Run(CommandLine options)
    {
        var loadAtStart = LoadAverage.OneMinute();
        var width = options.Number("--width", 32)!.Value;
        var threads = options.Number("--threads", 2)!.Value;
        if (options.Number("--child-rows") is { } childRows)
        {
            var measurement = Measure(childRows, width, threads);
            Console.WriteLine(ResultMarker + JsonSerializer.Serialize(measurement));
            return 0;
        }

        var output = options.Required("--output");
        var sizes = new[] { options.Number("--small", 10_000)!.Value, options.Number("--large", 200_000)!.Value };
        var results = sizes.Select(rows =>
        {
            Console.WriteLine($"bench-scale: one epoch over {rows} streamed rows in a child process…");
            string[] args = ["bench-scale", "--child-rows", rows.ToString(CultureInfo.InvariantCulture),
                "--width", width.ToString(CultureInfo.InvariantCulture), "--threads", threads.ToString(CultureInfo.InvariantCulture)];
            return JsonSerializer.Deserialize<ScaleMeasurement>(ChildProcess.Run(args, ResultMarker))!;
        }).ToList();

        var (small, large) = (results[0], results[1]);
        var ratio = large.PeakMiB / small.PeakMiB;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            Command: `Samples bench-scale {string.Join(' ', Environment.GetCommandLineArgs().Skip(2))}`

            Machine: {MachineInfo.Current().Describe()}; 1-minute load average {loadAtStart} at the start, {LoadAverage.OneMinute()} at the end.

            Settings: DCGAN 1×28×28, latent 100, widths {width}/{width}, batch 64, {threads} torch threads, one untimed epoch of {WarmUpRows} rows
            then the measured epoch, no training directory; data: `LoadFromEnumerable` over a lazy generator of synthetic images (SyntheticDigits), each size in its own process.

            | Rows | Images trained | Training s | ms per image | Resident after warm-up MiB | Peak resident (VmHWM) MiB | .NET GC committed at end MiB |
            |-----:|---------------:|-----------:|-------------:|-----------------------------:|--------------------------:|-----------------------------:|

            """);
        foreach (var r in results)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {r.Rows} | {r.Images} | {r.Seconds:F1} | {r.MillisecondsPerImage:F3} | {r.StartMiB:F0} | {r.PeakMiB:F0} | {r.ManagedCommittedMiB:F0} |\n");
        }
        text.Append(CultureInfo.InvariantCulture,
            $"\nPeak memory ratio ({large.Rows} over {small.Rows} rows): **{ratio:F3}** (required: at most {RequiredRatio:F1}; {(ratio <= RequiredRatio ? "met" : "not met")}). Time per image ratio: {large.MillisecondsPerImage / small.MillisecondsPerImage:F3}.\n");
        Console.WriteLine();
        Console.WriteLine(text);
        ReportFile.Save(output, "scale.md", "Scale: peak memory and time per image against the row count", text.ToString());
        return 0;
    }

    // A short untimed epoch first (the first training in a process pays for JIT and libtorch's start-up), then the
    // measured one; both children do the same warm-up, so it shifts both peaks alike.
    private static ScaleMeasurement Measure(int rows, int width, int threads)
    {
        var mlContext = new MLContext(seed: BenchSetup.Seed);
        var options = new DcganOptions
        {
            Epochs = 1,
            GeneratorWidth = width,
            DiscriminatorWidth = width,
            TorchThreads = threads,
            Seed = BenchSetup.Seed,
        };
        PipelineMeasurement.Run(mlContext.Transforms.Gan.TrainDcgan(options), SyntheticDigits.Create(mlContext, WarmUpRows), options.BatchSize, BenchSetup.Layout.Image);
        var start = PeakMemory.CurrentMiB();
        var speed = PipelineMeasurement.Run(mlContext.Transforms.Gan.TrainDcgan(options), SyntheticDigits.Create(mlContext, rows), options.BatchSize, BenchSetup.Layout.Image);
        return new ScaleMeasurement(rows, speed.Images, speed.Seconds, PeakMemory.PeakMiB(), start,
            GC.GetGCMemoryInfo().TotalCommittedBytes / (1024.0 * 1024));
    }
}
