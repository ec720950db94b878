using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Evaluation;
using Microsoft.ML.Gan.Reporting;

namespace Microsoft.ML.Gan.Samples;

/// <summary>
/// <c>pggan</c>: trains a progressively grown GAN through an ML.NET pipeline, with the outputs of
/// <see cref="TrainingCommand"/> (a grid per growth phase instead of per epoch), then measures the sliced Wasserstein
/// distance per pyramid level of generated vs real and real vs real images (swd.csv, the console and report.html).
/// The widths, latent size and schedule are scaled for a CPU; the library's defaults are the paper's.
/// </summary>
internal static class PgganCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage = "pggan [--data data/twemoji-faces/people] [--resolution 32] [--images-per-phase 20000] [--feature-maps 128] [--latent-size 128] [--swd-images 512] "
        + "(and " + TrainingCommand.Options + "; --batch-size defaults to 16)";

    /// <summary>Feature maps of the largest blocks: 4×4 and 8×8 have this many, each doubling of the side halves it.</summary>
    private const int FeatureMaps = 128;

    /// <summary>Latent size for a CPU run (the paper's is 512).</summary>
    private const int LatentSize = 128;

    /// <summary>Images per stabilisation and per fade phase for a CPU run (the paper's is 600,000).</summary>
    private const int ImagesPerPhase = 20_000;

    /// <summary>The bundled emoji heads, grown to 32×32, with the library's (the paper's) settings rather than a preset.</summary>
    private static readonly TrainingDefaults Defaults = new(Path.Combine("twemoji-faces", "people"), "--resolution", 32, Preset: null);

    /// <summary>Images per set for the sliced Wasserstein distance (the paper's is 16,384).</summary>
    private const int SwdImages = 512;

    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine options)
    {
        var trainerOptions = CpuOptions(options.Number("--images-per-phase", ImagesPerPhase)!.Value,
            options.Number("--feature-maps", FeatureMaps)!.Value, options.Number("--latent-size", LatentSize)!.Value);
        var swdImages = options.Number("--swd-images", SwdImages)!.Value;
        return TrainingCommand.Run(options, trainerOptions, (gan, pggan) => gan.TrainProgressiveGan(pggan), "PGGAN", Defaults,
            (mlContext, model, data, output) => ReportSlicedWasserstein(mlContext, model, data, output, swdImages));
    }

    /// <summary>
    /// The progressive GAN scaled for a CPU: <paramref name="featureMaps"/> channels in the 4×4 and 8×8 blocks, halving
    /// with each doubling of the side after that, <paramref name="latentSize"/> latent values, and
    /// <paramref name="imagesPerPhase"/> images per stabilisation and per fade phase.
    /// </summary>
    public static ProgressiveGanOptions CpuOptions(int imagesPerPhase, int featureMaps = FeatureMaps, int latentSize = LatentSize) => new()
    {
        LatentSize = latentSize,
        FeatureMapMax = featureMaps,
        FeatureMapBase = 4 * featureMaps,
        ImagesPerStabilizePhase = imagesPerPhase,
        ImagesPerFadePhase = imagesPerPhase,
    };

    /// <summary>
    /// SWD ×10³ per level of <paramref name="count"/> generated images vs as many real ones, and of two disjoint real
    /// sets (the floor), written to swd.csv and into report.html.
    /// </summary>
    private static void ReportSlicedWasserstein(MLContext mlContext, GanTransformer model, IDataView data, string output, int count)
    {
        var shuffled = mlContext.Data.ShuffleRows(data, seed: 1);
        var rows = shuffled.GetColumn<VBuffer<float>>(GanDataCatalog.PixelsColumnName).Count();
        count = Math.Min(count, rows / 2);
        var shape = model.Generator.ImageShape;
        var real = mlContext.Data.TakeRows(shuffled, count);
        var otherReal = mlContext.Data.TakeRows(mlContext.Data.SkipRows(shuffled, count), count);
        var generated = model.Generator.Transform(model.Generator.CreateLatents(count, seed: 2));
        var fake = SlicedWassersteinDistance.Compute(real, generated, shape);
        var floor = SlicedWassersteinDistance.Compute(real, otherReal, shape);
        var lines = new List<string> { "set," + string.Join(",", fake.Resolutions) + ",average" };
        lines.Add(Row("generated-vs-real", fake));
        lines.Add(Row("real-vs-real", floor));
        File.WriteAllLines(Path.Combine(output, "swd.csv"), lines);
        Console.WriteLine($"SWD ×10³ on {count} images per set (pyramid level: distance): generated vs real {fake}; real vs real {floor}");

        var samples = Directory.GetFiles(Path.Combine(output, "samples"), "phase-*.png").Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileNameWithoutExtension(path), "samples/" + Path.GetFileName(path))).ToList();
        var last = model.History.Entries[^1];
        TrainingReport.WriteHtml(Path.Combine(output, "report.html"), $"PGGAN {shape}", model.History, samples, new Dictionary<string, string>
        {
            ["Steps"] = last.Step.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Training time"] = TimeSpan.FromSeconds(last.ElapsedSeconds).ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture),
            [$"SWD ×10³ generated vs real ({count} images)"] = fake.ToString(),
            [$"SWD ×10³ real vs real ({count} + {count} images)"] = floor.ToString(),
        });
    }

    private static string Row(string name, SlicedWassersteinResult result) => FormattableString.Invariant(
        $"{name},{string.Join(",", result.Distances.Select(d => d.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))},{result.Average:F3}");
}
