using System.Globalization;
using System.Text;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// The <c>bench-scoring</c> command: rows/s of a loaded generator.zip and discriminator.zip through ML.NET (a Transform
/// read to the end, and a PredictionEngine loop; both one row per ONNX Runtime call, as OnnxTransformer scores)
/// against a batched TorchSharp forward of the same networks.
/// </summary>
internal static class ScoringCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage = "bench-scoring --output DIR [--rows N (2000)] [--threads N (2)] [--train-images N (640)]";

    private static readonly int[] TorchBatchSizes = [64, 256];

    /// <summary>Runs the measurement, prints its Markdown and writes scoring.md (and the two zips) under --output.</summary>
    public static int Run(CommandLine options)
    {
        var loadAtStart = LoadAverage.OneMinute();
        var output = options.Required("--output");
        var rows = options.Number("--rows", 2000)!.Value;
        var threads = options.Number("--threads", 2)!.Value;
        var mlContext = new MLContext(seed: BenchSetup.Seed);
        var digits = mlContext.Data.LoadIdx(TrainingData.BundledMnist, maxRows: rows);
        var trainDigits = mlContext.Data.TakeRows(digits, options.Number("--train-images", 640)!.Value);
        var (generator, discriminator) = ScoringModels.TrainSaveLoad(mlContext, trainDigits, threads, output);
        var layout = BenchSetup.Layout;
        var latentValues = LatentVectors.Sample(layout.LatentSize, rows, BenchSetup.Seed, LatentDistribution.Normal);
        var latents = Enumerable.Range(0, rows)
            .Select(row => new ScoringRows.Latent { Values = latentValues.AsSpan(row * layout.LatentSize, layout.LatentSize).ToArray() }).ToList();
        var images = digits.GetColumn<VBuffer<float>>(GanDataCatalog.PixelsColumnName)
            .Select(pixels => new ScoringRows.Image { Pixels = pixels.DenseValues().ToArray() }).ToList();
        var latentView = LatentVectors.Create("Latent", layout.LatentSize, rows, BenchSetup.Seed);

        set_num_threads(threads);
        using var torchGenerator = new DcganGenerator(layout);
        using var torchDiscriminator = new DcganDiscriminator(layout);
        using var imageTensor = PrebuiltImages.Build(digits, GanDataCatalog.PixelsColumnName, CPU);

        (string Network, string Path, Func<double> Rate)[] measurements =
        [
            ("generator", "ML.NET Transform", () => MlNetScoring.Transform(generator, latentView, "Pixels")),
            ("generator", "ML.NET PredictionEngine", () => MlNetScoring.PredictionEngine<ScoringRows.Latent, ScoringRows.Generated>(mlContext, generator, latents, layout.LatentSize)),
            .. TorchBatchSizes.Select(batch => ("generator", $"TorchSharp, batch {batch}", (Func<double>)(() => TorchScoring.Generator(torchGenerator, rows, batch, CPU)))),
            ("discriminator", "ML.NET Transform", () => MlNetScoring.Transform(discriminator, digits, "Score", "Features")),
            ("discriminator", "ML.NET PredictionEngine", () => MlNetScoring.PredictionEngine<ScoringRows.Image, ScoringRows.Scored>(mlContext, discriminator, images, layout.Image.Size)),
            .. TorchBatchSizes.Select(batch => ("discriminator", $"TorchSharp, batch {batch}", (Func<double>)(() => TorchScoring.Discriminator(torchDiscriminator, imageTensor, batch)))),
        ];
        Console.WriteLine($"bench-scoring: {rows} rows, {threads} torch threads; each measurement runs twice, the second is reported.");
        var results = measurements.Select(m =>
        {
            m.Rate();
            var rate = m.Rate();
            Console.WriteLine($"{m.Network} {m.Path}: {rate:F0} rows/s");
            return (m.Network, m.Path, Rate: rate);
        }).ToList();

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            Command: `Samples bench-scoring {string.Join(' ', Environment.GetCommandLineArgs().Skip(2))}`

            Machine: {MachineInfo.Current().Describe()}; 1-minute load average {loadAtStart} at the start, {LoadAverage.OneMinute()} at the end.

            Models: DCGAN 1×28×28 (latent 100, widths 64/64) trained one epoch, saved as generator.zip and discriminator.zip,
            loaded with stock ML.NET (`mlContext.Model.Load`). ML.NET scores through OnnxTransformer, one row per ONNX Runtime
            run (the graphs have a batch dimension of 1); the discriminator computes Score and Features. TorchSharp runs the
            same networks (eval mode, no gradients, {threads} threads) on batches and copies each output to managed memory;
            its discriminator computes the score only.

            | Network | Path | Rows/s | × ML.NET Transform |
            |---------|------|-------:|-------------------:|

            """);
        foreach (var (network, path, rate) in results)
        {
            var transform = results.First(r => r.Network == network && r.Path == "ML.NET Transform").Rate;
            text.Append(CultureInfo.InvariantCulture, $"| {network} | {path} | {rate:F0} | {rate / transform:F2} |\n");
        }
        Console.WriteLine();
        Console.WriteLine(text);
        ReportFile.Save(output, "scoring.md", "Scoring: ML.NET against batched TorchSharp", text.ToString());
        return 0;
    }
}
