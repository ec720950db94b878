using Microsoft.ML.Gan.Reporting;

namespace Microsoft.ML.Gan.Samples;

/// <summary>What every latent-space command shares: the generator.zip given by <c>--model</c>, the latent distribution, the output folder, grids.</summary>
internal sealed class LatentCommandContext : IDisposable
{
    /// <summary>The options every latent-space command takes.</summary>
    public const string CommonUsage = "--model DIR/generator.zip [--seed N] [--latent normal|uniform] --output DIR";

    private LatentCommandContext(GeneratorModel generator, LatentDistribution distribution, int seed, string output)
    {
        Generator = generator;
        Distribution = distribution;
        Seed = seed;
        Output = output;
    }

    /// <summary>The generator, loaded with stock ML.NET.</summary>
    public GeneratorModel Generator { get; }

    /// <summary>The latent distribution the generator was trained on (a zip holds no training options).</summary>
    public LatentDistribution Distribution { get; }

    /// <summary>The seed of the latents.</summary>
    public int Seed { get; }

    /// <summary>The output folder, created.</summary>
    public string Output { get; }

    /// <summary>Reads <c>--model</c>, <c>--latent</c>, <c>--seed</c> and <c>--output</c>.</summary>
    public static LatentCommandContext Open(CommandLine options)
    {
        var modelPath = options.Required("--model");
        var output = Path.GetFullPath(options.Required("--output"));
        var distribution = ParseDistribution(options);
        var seed = options.Number("--seed", 1)!.Value;
        var generator = GeneratorModel.Load(new MLContext(seed), modelPath);
        Directory.CreateDirectory(output);
        return new LatentCommandContext(generator, distribution, seed, output);
    }

    /// <summary>The <c>--latent</c> option: normal (default) or uniform.</summary>
    public static LatentDistribution ParseDistribution(CommandLine options) => options.Text("--latent", "normal") switch
    {
        "normal" => LatentDistribution.Normal,
        "uniform" => LatentDistribution.Uniform,
        var other => throw new ArgumentException($"Option --latent needs normal or uniform, found '{other}'."),
    };

    /// <summary>Writes <paramref name="images"/> (of the generator's shape) as a grid of <paramref name="columns"/> columns to <paramref name="name"/> under the output folder.</summary>
    public string SaveGrid(IReadOnlyList<float[]> images, int columns, string name) => SaveGrid(images, Generator.ImageShape, columns, Path.Combine(Output, name));

    /// <summary>Writes <paramref name="images"/> of <paramref name="shape"/> as a grid, small images scaled up to about 64 pixels.</summary>
    public static string SaveGrid(IReadOnlyList<float[]> images, Data.ImageShape shape, int columns, string path)
    {
        ImageGrid.SavePng(images.SelectMany(image => image).ToArray(), images.Count, shape.Channels, shape.Height, shape.Width, path,
            columns, scale: Math.Max(1, 64 / shape.Height));
        return path;
    }

    /// <summary>Writes the command's short report (Markdown) and prints where it is.</summary>
    public void SaveReport(string text)
    {
        var path = Path.Combine(Output, "report.md");
        AtomicFile.WriteAllText(path, text);
        Console.WriteLine($"Report: {path}");
    }

    /// <summary>Disposes the generator.</summary>
    public void Dispose() => Generator.Dispose();
}
