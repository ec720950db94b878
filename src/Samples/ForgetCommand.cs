using System.Globalization;

namespace Microsoft.ML.Gan.Samples;

/// <summary>
/// <c>forget</c>: the DCGAN paper's "forgetting to draw". The user marks a box (the same on chosen images of the
/// <c>arithmetic --sheet</c> sheet); a logistic regression on one generator layer's activations inside versus outside
/// it picks the feature maps with positive weight; new samples are drawn with and without those maps.
/// </summary>
internal static class ForgetCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage = "forget " + LatentCommandContext.CommonUsage + " --box x,y,w,h[;x,y,w,h] [--images i,j,k] [--count N] [--layer L]";

    private const int Columns = 8;
    private const int Samples = 16;

    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine options)
    {
        var count = options.Number("--count", 64)!.Value;
        using var context = LatentCommandContext.Open(options);
        using var maps = GeneratorFeatureMaps.Load(new MLContext(context.Seed), context.Generator.ModelPath!);
        var layer = options.Text("--layer") is null ? maps.LayerCount - 1 : options.Number("--layer")!.Value;
        var boxes = options.Required("--box").Split(';').Select(ParseBox).ToArray();
        var sheet = context.Generator.DrawLatents(count, context.Seed, context.Distribution);
        var marked = options.Text("--images") is { } list ? ArithmeticCommand.Indices(list, "--images", count) : [.. Enumerable.Range(0, count)];
        var mask = ImageBox.Mask(maps.ImageShape, boxes);

        var selection = maps.SelectMaps(layer, [.. marked.Select(i => sheet[i])], [.. marked.Select(_ => mask)]);
        using var forgetting = maps.WithoutMaps(layer, selection.DroppedMaps.ToArray(), context.Distribution);
        var latents = context.Generator.DrawLatents(Samples, context.Seed + 1, context.Distribution);
        var before = context.Generator.Generate(latents);
        var after = GeneratorModel.From(forgetting).Generate(latents);
        var name = "forget.png";
        Console.WriteLine($"Wrote {context.SaveGrid([.. before, .. after], Columns, name)}");

        var (inside, outside) = (MeanChange(before, after, mask, inside: true, maps.ImageShape), MeanChange(before, after, mask, inside: false, maps.ImageShape));
        context.SaveReport(string.Create(CultureInfo.InvariantCulture, $"""
            # Forgetting to draw

            Layer {layer} ({maps.MapCount(layer)} maps of {maps.MapSide(layer)}×{maps.MapSide(layer)}); box {options.Text("--box")} on {marked.Length} sheet images
            (seed {context.Seed}): {selection.InsidePositions} positions inside, {selection.OutsidePositions} outside.
            The logistic regression gave {selection.DroppedMaps.Count} maps a positive weight; they are zeroed: [{string.Join(", ", selection.DroppedMaps)}].

            [{name}]({name}): rows 1–2 the generator, rows 3–4 the same {Samples} latents (seed {context.Seed + 1}) without those maps.
            Mean absolute pixel change (0..255): {inside:F1} inside the box, {outside:F1} outside.

            """));
        return 0;
    }

    private static ImageBox ParseBox(string text)
    {
        var parts = text.Split(',').Select(part => int.TryParse(part.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : (int?)null).ToArray();
        if (parts.Length != 4 || parts.Any(p => p is null) || parts[2] <= 0 || parts[3] <= 0)
        {
            throw new ArgumentException($"Option --box needs x,y,width,height in pixels (e.g. 8,16,16,10); found '{text}'.");
        }
        return new ImageBox(parts[0]!.Value, parts[1]!.Value, parts[2]!.Value, parts[3]!.Value);
    }

    private static double MeanChange(float[][] before, float[][] after, bool[] mask, bool inside, Data.ImageShape shape) =>
        before.Zip(after).SelectMany(pair => Enumerable.Range(0, shape.Size)
            .Where(i => mask[i % (shape.Height * shape.Width)] == inside)
            .Select(i => (double)Math.Abs(pair.First[i] - pair.Second[i]))).Average();
}
