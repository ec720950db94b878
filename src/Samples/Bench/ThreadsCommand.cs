using System.Globalization;
using System.Text;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// The <c>bench-threads</c> command: training images/s through the pipeline (and the hand-written loop, for the ratio)
/// at 1, 2, … torch threads up to <c>--threads</c>, with the time the training loop waited for its next batch, which
/// says whether the reader's read-ahead keeps libtorch busy; and the reader's own speed with nothing training.
/// </summary>
public static class ThreadsCommand
{
    /// <summary>The usage line: the options of <c>bench</c>; --threads is the highest thread count tried.</summary>
    public const string Usage = "bench-threads " + BenchOptions.Arguments;

    /// <summary>Runs the measurement, prints its Markdown and writes threads.md under --output.</summary>
    /// <param name="args">The arguments after the command word, as for <c>bench</c>.</param>
    /// <returns>0.</returns>
    public static int Run(string[] args)
    {
        var loadAtStart = LoadAverage.OneMinute();
        var options = BenchOptions.Parse(args);
        using var setup = BenchSetup.Create(options);
        Console.WriteLine($"bench-threads: {options.Trainer.Networks(setup, options)}; {setup.Images.shape[0]} images, epochs {options.Epochs}, batch {options.BatchSize}, 1 to {options.Threads} torch threads, {options.Trials} trials.");
        setup.WarmUp(options);
        var readerSpeed = ReaderMeasurement.ImagesPerSecond(setup.Data, options.BatchSize);
        Console.WriteLine($"reader alone: {readerSpeed:F0} images/s");

        var rows = new List<(int Threads, BenchTrial Trial)>();
        for (int trial = 1; trial <= options.Trials; trial++)
        {
            for (int threads = 1; threads <= options.Threads; threads++)
            {
                var settings = options with { Threads = threads };
                var pipeline = settings.Trainer.Pipeline(setup, settings);
                var handWritten = settings.Trainer.HandWritten(setup, settings);
                rows.Add((threads, new BenchTrial(trial, pipeline, handWritten)));
                Console.WriteLine($"trial {trial}, {threads} threads: pipeline {pipeline.ImagesPerSecond:F1} images/s (waited {pipeline.DataWaitSeconds:F2} s), hand-written {handWritten.ImagesPerSecond:F1}");
            }
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            Command: `Samples bench-threads {string.Join(' ', args)}`

            Machine: {MachineInfo.Current().Describe()}; 1-minute load average {loadAtStart} at the start, {LoadAverage.OneMinute()} at the end.

            Settings: {options.Trainer.Networks(setup, options)}; the first {setup.Images.shape[0]} images of {options.Data}, epochs {options.Epochs}, batch {options.BatchSize}; one untimed epoch of each side first.
            "Waited" is the time the training loop spent blocked on the reader for its next batch (PixelBatchReader.WaitTime), over all epochs of the run.
            The reader alone (one shuffled epoch, nothing training): **{readerSpeed:F0} images/s**.

            | Torch threads | Trial | Pipeline images/s | Hand-written images/s | Ratio | Pipeline s | Waited s | Waited % |
            |--------------:|------:|------------------:|----------------------:|------:|-----------:|---------:|---------:|

            """);
        foreach (var (threads, trial) in rows.OrderBy(row => row.Threads).ThenBy(row => row.Trial.Number))
        {
            var pipeline = trial.Pipeline;
            text.Append(CultureInfo.InvariantCulture,
                $"| {threads} | {trial.Number} | {pipeline.ImagesPerSecond:F1} | {trial.HandWritten.ImagesPerSecond:F1} | {trial.Ratio:F3} | {pipeline.Seconds:F1} | {pipeline.DataWaitSeconds:F2} | {100 * pipeline.DataWaitSeconds / pipeline.Seconds:F1}% |\n");
        }
        text.Append('\n');
        foreach (var group in rows.GroupBy(row => row.Threads))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"Median at {group.Key} thread(s): pipeline {Median.Of(group.Select(r => r.Trial.Pipeline.ImagesPerSecond)):F1} images/s, hand-written {Median.Of(group.Select(r => r.Trial.HandWritten.ImagesPerSecond)):F1}, ratio {Median.Of(group.Select(r => r.Trial.Ratio)):F3}, waited {Median.Of(group.Select(r => 100 * r.Trial.Pipeline.DataWaitSeconds / r.Trial.Pipeline.Seconds)):F1}% of the training time.\n");
        }
        Console.WriteLine();
        Console.WriteLine(text);
        ReportFile.Save(options.OutputDirectory, "threads.md", "Training at 1 and 2 torch threads; does the read-ahead keep up?", text.ToString());
        return 0;
    }
}
