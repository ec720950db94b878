namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// The <c>bench</c> command: DCGAN training throughput through the ML.NET pipeline against a hand-written TorchSharp
/// loop on pre-built tensors, same networks, batch size and threads, alternated over several trials in one process.
/// </summary>
public static class BenchCommand
{
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

        using var setup = BenchSetup.Create(options);
        var images = setup.Images;
        Console.WriteLine($"bench: {options.Trainer.Networks(setup, options)}; {images.shape[0]} images, epochs {options.Epochs}, batch {options.BatchSize}, {options.Threads} torch threads, {options.Trials} trials on {setup.Device}.");
        setup.WarmUp(options);
        Console.WriteLine("warm-up done (one untimed epoch each way).");

        var trials = new List<BenchTrial>();
        for (int number = 1; number <= options.Trials; number++)
        {
            var pipeline = options.Trainer.Pipeline(setup, options);
            Console.WriteLine($"trial {number} pipeline:     {pipeline.ImagesPerSecond,7:F1} images/s ({pipeline.Images} images in {pipeline.Seconds:F1} s; per epoch {pipeline.EpochSpeedsText()})");
            var handWritten = options.Trainer.HandWritten(setup, options);
            Console.WriteLine($"trial {number} hand-written: {handWritten.ImagesPerSecond,7:F1} images/s ({handWritten.Images} images in {handWritten.Seconds:F1} s; per epoch {handWritten.EpochSpeedsText()})");
            trials.Add(new BenchTrial(number, pipeline, handWritten));
        }

        var data = options.Cache ? options.Data + " (through mlContext.Data.Cache)" : options.Data;
        var result = new BenchResult("Samples bench " + string.Join(' ', args), MachineInfo.Current(), options.Trainer.Networks(setup, options),
            data, (int)images.shape[0], options.Epochs, options.BatchSize, options.Threads, trials);
        Console.WriteLine();
        Console.WriteLine(BenchReport.Markdown(result));
        BenchReport.Save(result, options.OutputDirectory);
        Console.WriteLine($"Wrote {Path.Combine(options.OutputDirectory, "bench.json")} and bench.md.");
        return 0;
    }
}
