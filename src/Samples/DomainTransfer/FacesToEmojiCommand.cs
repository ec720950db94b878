using System.Globalization;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Evaluation;

namespace Microsoft.ML.Gan.Samples.DomainTransfer;

/// <summary>
/// <c>faces-to-emoji</c>: the bundled ORL face photographs (source, one folder per person) to the bundled emoji heads
/// (target), with f the feature layers of a classifier of the source's person identities and the paper's weights for
/// faces; then the f-constancy of the result beside random-pair baselines, and how well the heads' widths
/// (<see cref="HeadWidthCarryOver"/>) and their skin and hair tones (<see cref="HeadToneCarryOver"/>) carry over, and
/// how G's head width follows the same photographs made narrower and wider (<see cref="WidthSweep"/>, with its grid
/// samples/width-sweep.png), in constancy.txt; and the narrowest and widest heads beside G of them
/// (<see cref="WidthExtremes"/>, samples/width-extremes.png), and the people of the narrowest and widest mean width
/// (samples/width-extremes-by-person.png) and every person from the narrowest mean width to the widest
/// (samples/width-ladder.png).
/// </summary>
internal static class FacesToEmojiCommand
{
    /// <summary>The switch that adds each cell's local contrast to the luminance layout.</summary>
    public const string LayoutContrastFlag = "--layout-contrast";

    /// <summary>The switch that whitens what the ground leaves apart from the head too (<c>WhitenGround</c>'s dropIslands).</summary>
    public const string DropIslandsFlag = "--drop-islands";

    private const string WhitenGroundOption = "--whiten-ground";
    private const string GroundStepOption = "--ground-step";
    private const string KeptCentreOption = "--keep-centre";

    // Loads the photographs this many pixels wide (their own aspect, not a centre crop) and pads them to the square with their ground.
    private const string LetterboxOption = "--letterbox";

    // Trains on every photograph once per width factor, as --head-widths varies the emoji; the measures read the photographs as they are.
    private const string PhotographWidthsOption = "--photo-widths";

    // The width profile's bands from top to bottom.
    private const string ProfileBandsOption = "--profile-bands";

    /// <summary>The usage line.</summary>
    public const string Usage = "faces-to-emoji (--source defaults to data/orl-faces, --target to data/twemoji-faces/people) [--image-size 64] [--emoji plain|all] [--f classifier|autoencoder|layout|silhouette|profile] [--constancy classifier|autoencoder|layout|silhouette|profile (f)] [--autoencoder-epochs N (200)] [--layout-cells N (8; the silhouette's and profile's tone cells, 4)] [" + LayoutContrastFlag + "] [--silhouette-cells N (8)] [" + ProfileBandsOption + " N (8)] [--head-widths W,W,... (1)] [" + PhotographWidthsOption + " W,W,... (1)] [" + LetterboxOption + " WIDTH] [" + WhitenGroundOption + " TOLERANCE [" + GroundStepOption + " X (0.02)] [" + KeptCentreOption + " FRACTION (0)] [" + DropIslandsFlag + "]] " + DomainTransferRun.Options;

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(CommandLine options)
    {
        var output = Path.GetFullPath(options.Required("--output"));
        var seed = options.Number("--seed", 1)!.Value;
        var imageSize = options.Number("--image-size", 64)!.Value;
        var mlContext = new MLContext(seed);
        ConsoleLog.Attach(mlContext, "Domain transfer", "Digit classifier", "Encoder autoencoder");
        var letterbox = options.Number(LetterboxOption);
        if (letterbox is < 1 || letterbox > imageSize)
        {
            throw new ArgumentException($"{LetterboxOption}: expected the photographs' width from 1 to the image size, {imageSize}; found {letterbox}.");
        }
        var (byPerson, classCount) = LabelledImages.Load(mlContext, options, imageSize, grey: true, letterbox)
            ?? LabelledImages.FromFolder(mlContext, TrainingData.Bundled("orl-faces"), imageSize, grey: true, letterbox);
        // Shuffled once, so that the before/after grids (the first rows) show many people rather than the first few.
        var whitened = WhitenGround(mlContext, options, mlContext.Data.ShuffleRows(byPerson, seed));
        var photographs = mlContext.Data.Cache(letterbox is null ? whitened : Letterbox.Pad(mlContext, whitened, imageSize));
        var source = options.Text(PhotographWidthsOption) is { } photographWidths
            ? mlContext.Data.Cache(mlContext.Data.ShuffleRows(
                HeadWidths.Vary(mlContext, photographs, HeadWidths.Parse(PhotographWidthsOption, photographWidths), HeadWidths.TopCornerGround), seed))
            : photographs;
        var target = mlContext.Data.Cache(Emoji(mlContext, options, imageSize));
        var transfer = DomainTransferOptions.Faces(target);
        transfer.Encoder = Encoder(options, "--f", classCount) ?? ClassifierEncoder(options, classCount);
        transfer.ConstancyEncoder = Encoder(options, "--constancy", classCount);
        Console.WriteLine($"Source: {classCount} identities; f is {transfer.Encoder.Description}; L_CONST reads {transfer.ConstancyEncoder?.Description ?? "f"}.");
        using var model = DomainTransferRun.Train(mlContext, options, source, transfer, output, defaultEpochs: 100);

        var constancy = model.MeasureConstancy(photographs, target, seed: seed);
        var originals = VectorColumn.Read(photographs, model.InputColumnName).ToList();
        var transferred = VectorColumn.Read(model.Transform(photographs), model.OutputColumnName).ToList();
        var people = photographs.GetColumn<float>(GanDataCatalog.LabelColumnName).Select(label => (int)label).ToList();
        var widths = HeadWidthCarryOver.Measure(originals, model.SourceShape, transferred, model.TargetShape);
        var widthsByPerson = HeadWidthCarryOver.MeasureByPerson(originals, model.SourceShape, transferred, model.TargetShape, people);
        var skin = HeadToneCarryOver.Measure(originals, model.SourceShape, transferred, model.TargetShape, HeadToneCarryOver.Skin);
        var hair = HeadToneCarryOver.Measure(originals, model.SourceShape, transferred, model.TargetShape, HeadToneCarryOver.Hair);
        WidthExtremes.Save(originals, model.SourceShape, transferred, model.TargetShape, Path.Combine(output, "samples", "width-extremes.png"));
        WidthExtremes.SaveByPerson(originals, model.SourceShape, transferred, model.TargetShape, people,
            Path.Combine(output, "samples", "width-extremes-by-person.png"));
        WidthExtremes.SaveLadder(originals, model.SourceShape, transferred, model.TargetShape, people, Path.Combine(output, "samples", "width-ladder.png"));
        var sweep = WidthSweep.Run(mlContext, model, photographs, Path.Combine(output, "samples", "width-sweep.png"));
        var space = transfer.StandardiseFeaturesPerDomain
            ? "f standardised per domain: f(s) by the photographs' statistics, f(G(s)) and f(t) by the emoji's"
            : "f as trained";
        var report = string.Create(CultureInfo.InvariantCulture, $"""
            f-constancy over {constancy.Count} source images: mean ‖f(s) − f(G(s))‖ / ‖f(s)‖, f being the encoder L_CONST reads ({space})
            transferred G(s)              {constancy.Transferred:F4}
            random other source G(s')     {constancy.RandomSource:F4}
            random target image t         {constancy.RandomTarget:F4}

            head width (pixels standing out from the top corners' ground over rows {HeadWidthCarryOver.BandTop:P0} to {HeadWidthCarryOver.BandBottom:P0} of the height)
            photographs                   {widths.Photographs.Mean:F1} ± {widths.Photographs.Deviation:F1}
            transferred G(s)              {widths.Transferred.Mean:F1} ± {widths.Transferred.Deviation:F1}
            correlation                   {widths.Correlation:F3}
            each person's mean, over {people.Distinct().Count()} people
            photographs                   {widthsByPerson.Photographs.Mean:F1} ± {widthsByPerson.Photographs.Deviation:F1}
            transferred G(s)              {widthsByPerson.Transferred.Mean:F1} ± {widthsByPerson.Transferred.Deviation:F1}
            correlation                   {widthsByPerson.Correlation:F3}

            mean luminance (0..255) of skin ({HeadToneCarryOver.Skin}) and hair ({HeadToneCarryOver.Hair})
            skin: photographs             {skin.Photographs.Mean:F1} ± {skin.Photographs.Deviation:F1}
            skin: transferred G(s)        {skin.Transferred.Mean:F1} ± {skin.Transferred.Deviation:F1}
            skin: correlation             {skin.Correlation:F3}
            hair: photographs             {hair.Photographs.Mean:F1} ± {hair.Photographs.Deviation:F1}
            hair: transferred G(s)        {hair.Transferred.Mean:F1} ± {hair.Transferred.Deviation:F1}
            hair: correlation             {hair.Correlation:F3}

            {sweep}
            """);
        Console.Write(report);
        File.WriteAllText(Path.Combine(output, "constancy.txt"), report);
        Console.WriteLine($"Models, samples and report.html are in {output}");
        return 0;
    }

    /// <summary>
    /// The encoder <paramref name="option"/> (<c>--f</c>, or <c>--constancy</c> for L_CONST's own) chooses, null when it
    /// is not given: the feature layers of an identity classifier (the paper's f), the encoder of an autoencoder of
    /// the photographs (<c>--autoencoder-epochs</c>), or the fixed mean luminance of each cell of a grid
    /// (<c>--layout-cells</c>), which holds where a picture is light and dark: hair, skin, background; with
    /// <c>--layout-contrast</c> each cell's local contrast too, which holds where the outlines are; or the silhouette
    /// layout, the tones of <c>--layout-cells</c> cells and where the head stands out from its ground on a grid of
    /// <c>--silhouette-cells</c>, which holds the head's shape whichever of head and ground is the lighter; or the width
    /// profile, the tones of <c>--layout-cells</c> cells and the head's width in each of <c>--profile-bands</c> bands,
    /// for photographs on a white ground (<c>--whiten-ground</c>).
    /// </summary>
    private static DomainTransferEncoder? Encoder(CommandLine options, string option, int classCount) => options.Text(option) switch
    {
        null => null,
        "classifier" => ClassifierEncoder(options, classCount),
        "autoencoder" => DomainTransferEncoder.SourceAutoencoder(options.Number("--autoencoder-epochs", 200)!.Value),
        "layout" => DomainTransferEncoder.LuminanceLayout(options.Number("--layout-cells", 8)!.Value, options.Has(LayoutContrastFlag)),
        "silhouette" => DomainTransferEncoder.SilhouetteLayout(options.Number("--layout-cells", 4)!.Value, options.Number("--silhouette-cells", 8)!.Value),
        "profile" => DomainTransferEncoder.WidthProfile(options.Number("--layout-cells", 4)!.Value, options.Number(ProfileBandsOption, 8)!.Value),
        var other => throw new ArgumentException($"{option}: expected classifier, autoencoder, layout, silhouette or profile; found '{other}'."),
    };

    /// <summary>
    /// The target images: <c>--target</c>'s, else the bundled emoji people, of which <c>--emoji plain</c> (the default)
    /// keeps the plain heads in a human skin tone (<see cref="PlainEmojiHeads"/>) and <c>--emoji all</c> keeps all 660;
    /// each once per width factor of <c>--head-widths</c> (<see cref="HeadWidths"/>) when that is given.
    /// </summary>
    private static IDataView Emoji(MLContext mlContext, CommandLine options, int imageSize)
    {
        var people = TrainingData.Bundled(Path.Combine("twemoji-faces", "people"));
        var emoji = DomainTransferRun.Target(mlContext, options, () => people, imageSize, grey: false);
        var heads = (options.Has("--target"), options.Text("--emoji", "plain")) switch
        {
            (true, _) or (false, "all") => emoji,
            (false, "plain") => PlainEmojiHeads.Select(mlContext, emoji, Path.Combine(Path.GetDirectoryName(people)!, "index.tsv")),
            (false, var other) => throw new ArgumentException($"--emoji: expected plain or all; found '{other}'."),
        };
        return options.Text("--head-widths") is { } widths ? HeadWidths.Vary(mlContext, heads, HeadWidths.Parse("--head-widths", widths), (_, _) => HeadWidths.White) : heads;
    }

    /// <summary>
    /// The photographs, with their ground made white (<c>WhitenGround</c>) when <c>--whiten-ground</c> gives the
    /// tolerance, so that they share the emoji's white ground; the tolerance and <c>--ground-step</c>, the largest step
    /// between neighbours the ground grows across, are fractions of the pixel range (0.1 is 25.5); <c>--keep-centre</c>
    /// keeps the ground out of a centred ellipse of that fraction of the width and height; <c>--drop-islands</c> whitens
    /// what the ground leaves apart from the head too.
    /// </summary>
    /// <exception cref="ArgumentException"><c>--ground-step</c>, <c>--keep-centre</c> or <c>--drop-islands</c> is given without <c>--whiten-ground</c>.</exception>
    private static IDataView WhitenGround(MLContext mlContext, CommandLine options, IDataView photographs)
    {
        if (!options.Has(WhitenGroundOption))
        {
            return options.Has(GroundStepOption) || options.Has(KeptCentreOption) || options.Has(DropIslandsFlag)
                ? throw new ArgumentException($"{GroundStepOption}, {KeptCentreOption} and {DropIslandsFlag} set how the ground of {WhitenGroundOption} grows; give {WhitenGroundOption} TOLERANCE too.")
                : photographs;
        }
        return mlContext.Data.WhitenGround(photographs, (float)options.Real(WhitenGroundOption, 0), (float)options.Real(GroundStepOption, 0.02),
            keptCentre: (float)options.Real(KeptCentreOption, 0), dropIslands: options.Has(DropIslandsFlag));
    }

    private static DomainTransferEncoder ClassifierEncoder(CommandLine options, int classCount) =>
        DomainTransferEncoder.SourceClassifier(DomainTransferRun.EncoderClassifier(options, classCount));
}
