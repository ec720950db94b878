using System.Globalization;
using System.Text;

namespace Microsoft.ML.Gan.Samples;

/// <summary>
/// <c>arithmetic</c>: vector arithmetic on latents. <c>--sheet</c> writes a numbered sample sheet to choose from; then
/// <c>--a i,j,k --b ... --c ...</c> (indices into that sheet, same seed) decodes mean(A) − mean(B) + mean(C) with jitter.
/// </summary>
internal static class ArithmeticCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage = "arithmetic " + LatentCommandContext.CommonUsage + " (--sheet [--count N] | --a i,j,k --b i,j,k --c i,j,k)";

    /// <summary>The flag that asks for the sample sheet.</summary>
    public const string SheetFlag = "--sheet";

    private const int SheetColumns = 8;
    private const int ResultCount = 8;

    /// <summary>The paper's jitter: uniform noise in ±0.25 on every latent value.</summary>
    private const double JitterScale = 0.25;

    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine options)
    {
        var count = options.Number("--count", 64)!.Value;
        using var context = LatentCommandContext.Open(options);
        var sheet = context.Generator.DrawLatents(count, context.Seed, context.Distribution);
        if (options.Has(SheetFlag))
        {
            var path = context.SaveGrid(context.Generator.Generate(sheet), SheetColumns, "sheet.png");
            Console.WriteLine($"Wrote {path}: {count} samples, index = row × {SheetColumns} + column (rows and columns from 0):");
            for (var row = 0; row * SheetColumns < count; row++)
            {
                Console.WriteLine(string.Join(" ", Enumerable.Range(row * SheetColumns, Math.Min(SheetColumns, count - row * SheetColumns)).Select(i => $"{i,3}")));
            }
            return 0;
        }
        var concepts = new[] { "--a", "--b", "--c" }.Select(name => Indices(options.Required(name), name, count)).ToArray();
        var chosen = concepts.Select(indices => indices.Select(i => sheet[i]).ToArray()).ToArray();
        var result = LatentArithmetic.Combine(chosen[0], chosen[1], chosen[2]);
        var jittered = LatentArithmetic.Jitter(result, ResultCount, JitterScale, context.Seed);

        // One row per concept (its samples, then the decoded mean), then the result with its jitter.
        var columns = Math.Max(ResultCount / 2, concepts.Max(c => c.Length) + 1);
        var rows = new List<float[]>();
        foreach (var latents in chosen)
        {
            var row = latents.Append(LatentArithmetic.Mean(latents)).ToList();
            rows.AddRange(Pad(context.Generator.Generate(row), columns, context.Generator.ImageShape.Size));
        }
        rows.AddRange(context.Generator.Generate(jittered));
        var name = "arithmetic.png";
        Console.WriteLine($"Wrote {context.SaveGrid(rows, columns, name)}");
        context.SaveReport(string.Create(CultureInfo.InvariantCulture, $"""
            # Vector arithmetic

            Sheet of {count} samples (seed {context.Seed}); A = [{options.Text("--a")}], B = [{options.Text("--b")}], C = [{options.Text("--c")}].
            Rows 1–3 of [{name}]({name}): each concept's samples, then its mean latent decoded. Then mean(A) − mean(B) + mean(C)
            (first image) and {ResultCount - 1} decodings with uniform ±{JitterScale} jitter on every latent value.
            |mean(A) − mean(B) + mean(C)| = {Math.Sqrt(result.Sum(v => (double)v * v)):F2} (a typical latent: about {Math.Sqrt(context.Generator.LatentSize):F1}).

            """));
        return 0;
    }

    /// <summary>Sheet indices given as i,j,k for <paramref name="option"/>, each below <paramref name="count"/>.</summary>
    public static int[] Indices(string text, string option, int count)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var indices = parts.Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < count ? i : -1).ToArray();
        if (indices.Length == 0 || indices.Contains(-1))
        {
            throw new ArgumentException($"Option {option} needs sheet indices from 0 to {count - 1} separated by commas (e.g. 3,17,42); found '{text}'.");
        }
        return indices;
    }

    /// <summary>Fills a grid row up to <paramref name="columns"/> with blank (black) images.</summary>
    private static IEnumerable<float[]> Pad(IReadOnlyList<float[]> images, int columns, int imageSize) =>
        images.Concat(Enumerable.Range(0, columns - images.Count).Select(_ => new float[imageSize]));
}
