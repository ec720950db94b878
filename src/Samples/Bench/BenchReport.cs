using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>Shows a <see cref="BenchResult"/>: a Markdown table for the console and bench.md, and bench.json.</summary>
internal static class BenchReport
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>The run as Markdown: command, machine, one row per trial, median ratio.</summary>
    public static string Markdown(BenchResult result)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            Command: `{result.Command}`

            Machine: {result.Machine.Describe()}.

            Settings: {result.Networks}; the first {result.Images} images of {result.Data}, epochs {result.Epochs}, batch {result.BatchSize}, {result.Threads} torch threads.
            One untimed epoch of each measurement warms the process up; then the trials alternate pipeline, hand-written.

            | Trial | Pipeline images/s | Hand-written images/s | Ratio | Pipeline s | Hand-written s | G loss (last epoch) pipeline / hand |
            |------:|------------------:|----------------------:|------:|-----------:|---------------:|------------------------------------:|

            """);
        foreach (var trial in result.Trials)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {trial.Number} | {trial.Pipeline.ImagesPerSecond:F1} | {trial.HandWritten.ImagesPerSecond:F1} | {trial.Ratio:F3} | {trial.Pipeline.Seconds:F1} | {trial.HandWritten.Seconds:F1} | {trial.Pipeline.LastEpochGeneratorLoss:F3} / {trial.HandWritten.LastEpochGeneratorLoss:F3} |\n");
        }
        text.Append(CultureInfo.InvariantCulture,
            $"\nMedian ratio (pipeline / hand-written): **{result.MedianRatio:F3}** (required: at least {BenchResult.RequiredRatio:F2}; {(result.MeetsRequirement ? "met" : "not met")}).\n");
        return text.ToString();
    }

    /// <summary>Writes bench.json and bench.md into <paramref name="directory"/>, creating it when missing.</summary>
    public static void Save(BenchResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "bench.json"), JsonSerializer.Serialize(result, JsonOptions));
        File.WriteAllText(Path.Combine(directory, "bench.md"), "# Training throughput benchmark\n\n" + Markdown(result));
    }
}
