using System.Globalization;
using System.Text;

namespace Microsoft.ML.Gan.Samples;

/// <summary>
/// <c>interpolate</c>: walks between K random latent points in M steps, linearly and spherically, one grid row per
/// pair, and reports how even the steps are (sharp jumps would hint at memorised images).
/// </summary>
internal static class InterpolateCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage = "interpolate " + LatentCommandContext.CommonUsage + " [--points K] [--steps M] [--kind linear|spherical|both]";

    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine options)
    {
        var points = options.Number("--points", 5)!.Value;
        var steps = options.Number("--steps", 8)!.Value;
        LatentInterpolationKind[] kinds = options.Text("--kind", "both") switch
        {
            "linear" => [LatentInterpolationKind.Linear],
            "spherical" => [LatentInterpolationKind.Spherical],
            "both" => [LatentInterpolationKind.Linear, LatentInterpolationKind.Spherical],
            var other => throw new ArgumentException($"Option --kind needs linear, spherical or both, found '{other}'."),
        };
        if (points < 2 || steps < 2)
        {
            throw new ArgumentException($"A walk needs --points and --steps of at least 2; found {points} and {steps}.");
        }
        using var context = LatentCommandContext.Open(options);
        var latents = context.Generator.DrawLatents(points, context.Seed, context.Distribution);
        var report = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"""
            # Latent walks

            {points} random latents (seed {context.Seed}), {steps} steps between consecutive ones: one row per pair.
            Step size = RMS pixel change (0..255) between neighbouring frames; "largest / mean" near 1 means an even walk,
            a large value a jump.

            | kind | mean step | largest step | largest / mean |
            |---|---|---|---|

            """));
        foreach (var kind in kinds)
        {
            var images = context.Generator.Generate(LatentInterpolation.Walk(latents, steps, kind));
            var name = $"interpolate-{kind.ToString().ToLowerInvariant()}.png";
            Console.WriteLine($"Wrote {context.SaveGrid(images, steps, name)}");
            var changes = Enumerable.Range(0, points - 1)
                .SelectMany(row => Enumerable.Range(row * steps, steps - 1).Select(i => RootMeanSquare(images[i], images[i + 1])))
                .ToList();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {kind} ([{name}]({name})) | {changes.Average():F1} | {changes.Max():F1} | {changes.Max() / changes.Average():F2} |");
        }
        context.SaveReport(report.ToString());
        return 0;
    }

    private static double RootMeanSquare(float[] a, float[] b) => Math.Sqrt(a.Zip(b, (x, y) => (double)(x - y) * (x - y)).Average());
}
