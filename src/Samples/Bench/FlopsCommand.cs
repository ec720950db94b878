using System.Globalization;
using System.Text;
using Microsoft.ML.Gan.Networks;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// The <c>bench-flops</c> command: achieved GFLOP/s of DCGAN training steps (FLOPs counted analytically by
/// <see cref="DcganStepFlops"/>, steps timed for real by the hand-written loop and the pipeline) against the machine's
/// theoretical peak (<see cref="PeakFlops"/>) and libtorch's large-matmul rate.
/// </summary>
public static class FlopsCommand
{
    /// <summary>The usage line: the options of <c>bench</c>.</summary>
    public const string Usage = "bench-flops " + BenchOptions.Arguments;

    /// <summary>Runs the measurement, prints its Markdown and writes flops.md under --output.</summary>
    /// <param name="args">The arguments after the command word, as for <c>bench</c>.</param>
    /// <returns>0.</returns>
    public static int Run(string[] args)
    {
        var loadAtStart = LoadAverage.OneMinute();
        var options = BenchOptions.Parse(args);
        if (options.Trainer != GanBenchTrainer.Dcgan)
        {
            throw new ArgumentException($"bench-flops counts the FLOPs of the DCGAN's layers; --trainer {options.Trainer.Name} is not supported.");
        }
        using var setup = BenchSetup.Create(options);
        var layout = BenchSetup.Layout;
        DcganStepFlops flops;
        using (var generator = new DcganGenerator(layout))
        using (var discriminator = new DcganDiscriminator(layout))
        {
            flops = DcganStepFlops.For(generator, discriminator);
        }
        var peak = PeakFlops.Current()?.ForThreads(options.Threads);
        Console.WriteLine($"bench-flops: {setup.Images.shape[0]} digits, epochs {options.Epochs}, batch {options.BatchSize}, {options.Threads} torch threads, {options.Trials} trials on {setup.Device}.");
        setup.WarmUp(options);
        var matmul = MatmulRate.Measure(options.Threads, setup.Device);
        Console.WriteLine($"libtorch 1024×1024 matmul: {matmul:F1} GFLOP/s");

        var rows = new List<(int Trial, string Side, Throughput Speed)>();
        for (int trial = 1; trial <= options.Trials; trial++)
        {
            rows.Add((trial, "hand-written", options.Trainer.HandWritten(setup, options)));
            rows.Add((trial, "pipeline", options.Trainer.Pipeline(setup, options)));
            Console.WriteLine($"trial {trial}: hand-written {rows[^2].Speed.ImagesPerSecond:F1}, pipeline {rows[^1].Speed.ImagesPerSecond:F1} images/s");
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            Command: `Samples bench-flops {string.Join(' ', args)}`

            Machine: {MachineInfo.Current().Describe()}; 1-minute load average {loadAtStart} at the start, {LoadAverage.OneMinute()} at the end.

            Work per image and training step, counted from the layer shapes (MAC = 2 FLOPs; convolutions only):
            G forward {flops.GeneratorMacs / 1e6:F2} M MACs, D forward {flops.DiscriminatorMacs / 1e6:F2} M MACs;
            step = 3·F_G + 9·F_D less the input gradients of each network's first layer = {flops.StepMacs / 1e6:F1} M MACs = {flops.StepFlops / 1e6:F1} MFLOP per image.

            Peak of the {options.Threads} cores used: {peak?.Derivation ?? "unknown (no /proc/cpuinfo)"}; with AVX2+FMA only: {peak?.Avx2Gflops ?? double.NaN:F0} GFLOP/s.
            libtorch's own 1024×1024 FP32 matmul at {options.Threads} threads: {matmul:F1} GFLOP/s.

            | Trial | Loop | Images/s | GFLOP/s | % of peak | % of AVX2 peak | % of matmul |
            |------:|------|---------:|--------:|----------:|---------------:|------------:|

            """);
        foreach (var (trial, side, speed) in rows)
        {
            var achieved = speed.ImagesPerSecond * flops.StepFlops / 1e9;
            text.Append(CultureInfo.InvariantCulture,
                $"| {trial} | {side} | {speed.ImagesPerSecond:F1} | {achieved:F1} | {Percent(achieved, peak?.Gflops)} | {Percent(achieved, peak?.Avx2Gflops)} | {Percent(achieved, matmul)} |\n");
        }
        var median = Median.Of(rows.Where(row => row.Side == "hand-written").Select(row => row.Speed.ImagesPerSecond)) * flops.StepFlops / 1e9;
        text.Append(CultureInfo.InvariantCulture,
            $"\nMedian hand-written step: **{median:F1} GFLOP/s**, {Percent(median, peak?.Gflops)} of the peak, {Percent(median, matmul)} of libtorch's matmul rate.\n");
        Console.WriteLine();
        Console.WriteLine(text);
        ReportFile.Save(options.OutputDirectory, "flops.md", "DCGAN training step: achieved GFLOP/s", text.ToString());
        return 0;
    }

    private static string Percent(double part, double? whole) =>
        whole is { } total ? (100 * part / total).ToString("F1", CultureInfo.InvariantCulture) + "%" : "n/a";
}
