using Microsoft.ML.Data;
using Microsoft.ML.Gan.Reporting;

namespace Microsoft.ML.Gan.Samples;

/// <summary>
/// <c>generate</c>: loads a generator.zip with stock ML.NET (no training code involved) and writes N generated images
/// as PNG files plus grid.png.
/// </summary>
internal static class GenerateCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage = "generate --model DIR/generator.zip [--count N] [--seed N] [--latent normal|uniform] --output DIR";

    private const string LatentColumn = "Latent";
    private const string PixelsColumn = "Pixels";

    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine options)
    {
        var modelPath = options.Required("--model");
        var output = Path.GetFullPath(options.Required("--output"));
        var count = options.Number("--count", 64)!.Value;
        var mlContext = new MLContext();
        var generator = ModelFiles.Load(mlContext, modelPath, out var inputSchema);
        if (inputSchema.GetColumnOrNull(LatentColumn)?.Type is not VectorDataViewType { IsKnownSize: true } latentType)
        {
            throw new InvalidDataException($"'{modelPath}' is not a generator: expected an input column '{LatentColumn}' of known-size Single vectors.");
        }
        var distribution = LatentCommandContext.ParseDistribution(options);
        var latents = LatentVectors.Create(LatentColumn, latentType.Size, count, options.Number("--seed", 1)!.Value, distribution);
        var generated = generator.Transform(latents);
        var dimensions = ((VectorDataViewType)generated.Schema[PixelsColumn].Type).Dimensions;
        var (channels, height, width) = (dimensions[^3], dimensions[^2], dimensions[^1]);

        Directory.CreateDirectory(output);
        var all = new List<float>();
        var index = 0;
        foreach (var pixels in generated.GetColumn<VBuffer<float>>(PixelsColumn))
        {
            var values = pixels.DenseValues().ToArray();
            ImageGrid.SavePng(values, 1, channels, height, width, Path.Combine(output, $"image-{index++:D4}.png"));
            all.AddRange(values);
        }
        ImageGrid.SavePng(all.ToArray(), count, channels, height, width, Path.Combine(output, "grid.png"), scale: Math.Max(1, 64 / height));
        Console.WriteLine($"Wrote {count} images of {channels}×{height}×{width} and grid.png to {output}");
        return 0;
    }
}
