using System.Globalization;
using System.Text;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Reporting;

namespace Microsoft.ML.Gan.Samples;

/// <summary>
/// <c>dedup</c>: the DCGAN paper's de-duplication (section 4.1.1) of a training set. Trains the denoising autoencoder,
/// groups the images by semantic hash, prints the groups and writes the largest as image strips; with <c>--plant N</c>
/// it first plants N near-duplicates and measures precision and recall against them.
/// </summary>
internal static class DedupCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage = "dedup [--data mnist|DIR|IMAGES.idx[.gz]] [--image-size N] [--grey] [--limit N] [--epochs N] [--plant N] " +
        "[--learning-rate X] [--noise X] [--dropout X] [--threshold X | --unit-mean] [--hamming 1|2] [--shift N] [--seed N] [--threads N] --output DIR";

    /// <summary>The switch that thresholds each code unit at its mean.</summary>
    public const string UnitMeanFlag = "--unit-mean";

    private const int StripGroups = 20;
    private const int StripImages = 16;
    private const int ListedGroups = 10;
    private const int MissedPairsShown = 16;

    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine options)
    {
        var output = Path.GetFullPath(options.Required("--output"));
        var seed = options.Number("--seed", 1)!.Value;
        var mlContext = new MLContext(seed);
        ConsoleLog.Attach(mlContext, "Deduplication");
        var loaded = TrainingData.Load(mlContext, options.Text("--data", "mnist")!, options.Number("--image-size"), options.Has("--grey"),
            options.Has("--skip-unreadable"), options.Number("--limit"));
        var pixels = GanDataCatalog.PixelsColumnName;
        var shape = ImageColumn.Resolve(loaded.Schema, pixels, expected: null);
        var planted = options.Number("--plant") is { } plant
            ? NearDuplicates.Plant(VectorColumn.Read(loaded, pixels).ToList(), shape, plant, seed)
            : null;
        var data = planted?.ToDataView(pixels) ?? loaded;
        var images = planted?.Images ?? VectorColumn.Read(loaded, pixels).ToList();

        var dedupOptions = new DeduplicationOptions
        {
            InputColumnName = pixels,
            Epochs = options.Number("--epochs", DeduplicationOptions.Defaults.Epochs)!.Value,
            LearningRate = options.Decimal("--learning-rate", DeduplicationOptions.Defaults.LearningRate),
            InputNoise = options.Decimal("--noise", DeduplicationOptions.Defaults.InputNoise),
            Dropout = options.Decimal("--dropout", DeduplicationOptions.Defaults.Dropout),
            CodeThreshold = (float)options.Decimal("--threshold", DeduplicationOptions.Defaults.CodeThreshold),
            ThresholdAtUnitMean = options.Has(UnitMeanFlag),
            MaxHammingDistance = options.Number("--hamming") ?? DeduplicationOptions.Defaults.MaxHammingDistance,
            ShiftTolerance = options.Number("--shift") ?? DeduplicationOptions.Defaults.ShiftTolerance,
            Seed = seed,
            TorchThreads = options.Number("--threads", Environment.ProcessorCount),
        };
        using var deduplication = mlContext.Transforms.Gan.Deduplicate(dedupOptions).Fit(data);
        var groups = deduplication.FindGroups(data);

        var report = new StringBuilder(Summary(groups, dedupOptions));
        for (var g = 0; g < Math.Min(StripGroups, groups.Duplicates.Count); g++)
        {
            var rows = groups.Duplicates[g].Take(StripImages).ToList();
            var strip = LatentCommandContext.SaveGrid([.. rows.Select(row => images[row])], shape, rows.Count,
                Path.Combine(output, string.Create(CultureInfo.InvariantCulture, $"group-{g + 1:D2}.png")));
            report.Append(CultureInfo.InvariantCulture, $"\n![group {g + 1}]({Path.GetFileName(strip)})");
        }
        if (planted is not null)
        {
            report.Append(PlantedScore(groups, planted, shape, output));
        }
        AtomicFile.WriteAllText(Path.Combine(output, "groups.csv"), "group,row\n" + string.Concat(groups.Duplicates.SelectMany((rows, g) =>
            rows.Select(row => string.Create(CultureInfo.InvariantCulture, $"{g + 1},{row}\n")))));
        var reportPath = Path.Combine(output, "report.md");
        AtomicFile.WriteAllText(reportPath, report.ToString());
        Console.WriteLine($"Report: {reportPath}");
        return 0;
    }

    /// <summary>Prints and describes the groups: counts, sizes and the row indices of the largest.</summary>
    private static string Summary(DuplicateGroups groups, DeduplicationOptions options)
    {
        var sizes = groups.Duplicates.GroupBy(rows => rows.Length).OrderByDescending(size => size.Key)
            .Select(size => string.Create(CultureInfo.InvariantCulture, $"{size.Count()} of {size.Key}"));
        var largest = groups.Duplicates.Take(ListedGroups).Select((rows, g) => string.Create(CultureInfo.InvariantCulture,
            $"- group {g + 1} ({rows.Length} rows): {string.Join(", ", rows.Take(StripImages))}{(rows.Length > StripImages ? ", …" : "")}"));
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            # De-duplication

            Autoencoder: {options.Epochs} epochs, learning rate {options.LearningRate}, input noise {options.InputNoise}, dropout {options.Dropout}, code threshold {(options.ThresholdAtUnitMean ? "each unit's mean" : options.CodeThreshold)}, seed {options.Seed}; matching: Hamming distance ≤ {options.MaxHammingDistance}, shifts up to {options.ShiftTolerance} pixels.

            {groups.RowCount} rows in {groups.GroupCount} groups: {groups.Duplicates.Count} of two rows or more ({string.Join(", ", sizes)}), {groups.DuplicateCount} rows flagged as duplicates.

            Largest groups (row indices, 0-based):
            {string.Join("\n", largest)}

            """);
        Console.Write(text);
        return text;
    }

    /// <summary>Scores the groups against the planted pairs, prints the one-line result and shows the missed pairs.</summary>
    private static string PlantedScore(DuplicateGroups groups, PlantedDuplicates planted, ImageShape shape, string output)
    {
        var score = groups.Score(planted.Pairs);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"Planted {score.KnownPairs} near-duplicates: recall {score.Recall:F3} ({score.FoundPairs}/{score.KnownPairs}), precision {score.Precision:F3} ({score.FoundPairs} of {score.FlaggedPairs} flagged pairs, {score.FalsePositives} false positives)");
        Console.WriteLine(line);
        var missed = planted.Pairs.Where(pair => groups.GroupOfRow[pair.Original] != groups.GroupOfRow[pair.Copy]).Take(MissedPairsShown).ToList();
        var missedText = "";
        if (missed.Count > 0)
        {
            var path = LatentCommandContext.SaveGrid([.. missed.SelectMany(pair => new[] { planted.Images[pair.Original], planted.Images[pair.Copy] })],
                shape, 8, Path.Combine(output, "missed-pairs.png"));
            missedText = $"\n\nMissed planted pairs (original, copy): ![missed]({Path.GetFileName(path)})";
        }
        return $"""


            ## Planted near-duplicates

            {line}.

            Each planted copy is a random original shifted by 1–2 pixels, recoloured (contrast and brightness within ±5%) and
            re-encoded as a JPEG (quality {NearDuplicates.JpegQuality}); copies follow the {planted.Images.Count - planted.Pairs.Count} original rows.
            Every two rows of one group form a flagged pair. Recall: planted pairs (original, its copy) that share a group, over
            the planted pairs. Precision: those pairs over all flagged pairs; any other flagged pair (two originals, or a copy
            with another original) is a false positive, even when the two images are genuinely alike.{missedText}

            """;
    }
}
