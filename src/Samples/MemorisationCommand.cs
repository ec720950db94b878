using System.Globalization;
using System.Text;
using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Samples;

/// <summary>
/// <c>memorisation</c>: generated samples beside their nearest training images, in pixel space and in the
/// discriminator's feature space. Near-copies would show up as neighbours at a tiny distance.
/// </summary>
internal static class MemorisationCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage = "memorisation " + LatentCommandContext.CommonUsage +
        " [--discriminator DIR/discriminator.zip] [--data mnist|DIR|IMAGES.idx[.gz]] [--image-size N] [--grey] [--limit N] [--count N] [--neighbours K]";

    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine options)
    {
        var count = options.Number("--count", 8)!.Value;
        var k = options.Number("--neighbours", 5)!.Value;
        using var context = LatentCommandContext.Open(options);
        var generator = context.Generator;
        var discriminatorPath = options.Text("--discriminator") ?? Path.Combine(Path.GetDirectoryName(generator.ModelPath)!, "discriminator.zip");
        var mlContext = new MLContext(context.Seed);
        var training = TrainingData.Load(mlContext, options.Text("--data", "mnist")!, options.Number("--image-size"), options.Has("--grey"),
            options.Has("--skip-unreadable"), options.Number("--limit"));
        var pixels = generator.PixelsColumnName;
        var generated = generator.Transformer.Transform(LatentVectors.Create(generator.LatentColumnName, generator.DrawLatents(count, context.Seed, context.Distribution)));
        var samples = VectorColumn.Read(generated, pixels).ToList();

        var report = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"""
            # Memorisation check

            {count} samples (seed {context.Seed}), each followed by its {k} nearest training images; mean Euclidean distance of the nearest:

            """));
        var byPixels = NearestNeighbours.Search(generated, training, pixels, k);
        report.Append(Describe("pixels (0..255)", context.SaveGrid(Strips(samples, byPixels, training, pixels), k + 1, "memorisation-pixels.png"), byPixels));

        using var features = mlContext.Transforms.Gan.DiscriminatorFeatures(discriminatorPath, inputColumnName: pixels).Fit(training);
        var byFeatures = NearestNeighbours.Search(features.Transform(generated), features.Transform(training), features.OutputColumnName, k);
        report.Append(Describe("discriminator features", context.SaveGrid(Strips(samples, byFeatures, training, pixels), k + 1, "memorisation-features.png"), byFeatures));
        context.SaveReport(report.ToString());
        return 0;
    }

    /// <summary>Each sample followed by its neighbours' images (one pass over the training rows to pick them).</summary>
    private static List<float[]> Strips(List<float[]> samples, Neighbour[][] neighbours, IDataView training, string pixels)
    {
        var wanted = neighbours.SelectMany(row => row.Select(n => n.Index)).ToHashSet();
        var images = VectorColumn.Read(training, pixels).Select((image, index) => (image, index))
            .Where(row => wanted.Contains(row.index)).ToDictionary(row => row.index, row => row.image);
        return [.. samples.SelectMany((sample, i) => neighbours[i].Select(n => images[n.Index]).Prepend(sample))];
    }

    private static string Describe(string space, string grid, Neighbour[][] neighbours)
    {
        Console.WriteLine($"Wrote {grid}");
        var name = Path.GetFileName(grid);
        return string.Create(CultureInfo.InvariantCulture,
            $"- {space}: {neighbours.Average(row => row[0].Distance):F1} (smallest {neighbours.Min(row => row[0].Distance):F1}); [{name}]({name})\n");
    }
}
