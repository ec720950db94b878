using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Training;
using Microsoft.ML.Runtime;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// The <c>bench</c> command: DCGAN training throughput through the ML.NET pipeline against a hand-written TorchSharp
/// loop on pre-built tensors, same networks, batch size and threads, alternated over several trials in one process.
/// </summary>
public static class BenchCommand
{
    private const int Seed = 1;

    /// <summary>Runs the benchmark, prints its table and writes bench.json and bench.md.</summary>
    /// <param name="args">The arguments after the word <c>bench</c>: <c>--output DIR</c> and the optional settings.</param>
    /// <returns>0 when the benchmark ran (whatever the ratio), 2 when the arguments are wrong.</returns>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FileNotFoundException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        var mlContext = new MLContext(seed: Seed);
        var digits = mlContext.Data.LoadIdx(options.DataPath, maxRows: options.Images);
        Device device;
        using (var channel = ((IHostEnvironment)mlContext).Start("bench"))
        {
            device = TorchDevice.Select(mlContext.GpuDeviceId, mlContext.FallbackToCpu, channel);
        }
        using var images = PrebuiltDigits.Build(digits, GanDataCatalog.PixelsColumnName, device);
        Console.WriteLine($"bench: {images.shape[0]} digits, epochs {options.Epochs}, batch {options.BatchSize}, {options.Threads} torch threads, {options.Trials} trials on {device}.");

        // The first training in a process pays for JIT, libtorch's allocator and thread pool: keep it out of both sides.
        var warmUp = options with { Epochs = 1 };
        PipelineMeasurement.Run(mlContext, digits, warmUp, Seed);
        HandWrittenMeasurement.Run(images, warmUp, Seed, device);
        Console.WriteLine("warm-up done (one untimed epoch each way).");

        var trials = new List<BenchTrial>();
        for (int number = 1; number <= options.Trials; number++)
        {
            var pipeline = PipelineMeasurement.Run(mlContext, digits, options, Seed);
            Console.WriteLine($"trial {number} pipeline:     {pipeline.ImagesPerSecond,7:F1} images/s ({pipeline.Images} images in {pipeline.Seconds:F1} s; per epoch {Speeds(pipeline)})");
            var handWritten = HandWrittenMeasurement.Run(images, options, Seed, device);
            Console.WriteLine($"trial {number} hand-written: {handWritten.ImagesPerSecond,7:F1} images/s ({handWritten.Images} images in {handWritten.Seconds:F1} s; per epoch {Speeds(handWritten)})");
            trials.Add(new BenchTrial(number, pipeline, handWritten));
        }

        var result = new BenchResult("Samples bench " + string.Join(' ', args), MachineInfo.Current(), (int)images.shape[0],
            options.Epochs, options.BatchSize, options.Threads, trials);
        Console.WriteLine();
        Console.WriteLine(BenchReport.Markdown(result));
        BenchReport.Save(result, options.OutputDirectory);
        Console.WriteLine($"Wrote {Path.Combine(options.OutputDirectory, "bench.json")} and bench.md.");
        return 0;
    }

    private static string Speeds(Throughput throughput) =>
        string.Join(", ", throughput.EpochImagesPerSecond.Select(speed => speed.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)));
}
