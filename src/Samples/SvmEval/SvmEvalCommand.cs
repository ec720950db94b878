using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Gan.Samples.SvmEval;

/// <summary>
/// <c>svm-eval</c>: the DCGAN paper's representation test. A DCGAN is trained on the images before the test rows
/// without their labels (or taken from <c>--model</c>); from those same rows a few labelled rows per class are drawn,
/// several times; OneVersusAll(LinearSvm) learns on them from (a) raw pixels, (b) features of an untrained
/// discriminator of the same architecture and (c) features of the trained discriminator, λ chosen by cross-validation
/// over the labelled rows; micro and macro accuracy on the held-out test rows (the last rows of the file). With
/// <c>--virtual-shift N</c> the SVMs also train on copies of their labelled images moved N pixels each way.
/// </summary>
internal static class SvmEvalCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage =
        "svm-eval [--images IDX --labels IDX] [--padding N (black border: 2 makes MNIST 32×32, a three-layer DCGAN)] [--model discriminator.zip] [--labels-per-class N] [--test N] [--draws N (5)] [--folds N (5)] [--epochs N (30)] [--iterations N (100)] [--classifier sdca|linearsvm] [--normalize l2|meanvariance|minmax|meanvariance-l2 (l2)] [--svm-loss hinge|smoothedhinge] [--representations raw,untrained,trained] [--layers 0,1] [--grid N (4)] [--virtual-shift N (0: the SVMs also train on the labelled images moved N pixels left, right, up and down)] [--width N] [--seed N] [--threads N] " + RecipeOptions.Usage + " --output DIR (the recipe options train the GAN; its discriminator width is --width)";

    // Three times the trainers' default: measured better than 10 epochs and as good as 60 (BENCHMARKS.md).
    private const int DefaultEpochs = 30;

    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine options)
    {
        var output = Path.GetFullPath(options.Required("--output"));
        Directory.CreateDirectory(output);
        var seed = options.Number("--seed", 1)!.Value;
        var perClass = options.Number("--labels-per-class", 100)!.Value;
        var testCount = options.Number("--test", 2000)!.Value;
        var draws = options.Number("--draws", 5)!.Value;
        var folds = options.Number("--folds", 5)!.Value;
        var threads = options.Number("--threads", Environment.ProcessorCount)!.Value;
        if (options.Has("--d-width"))
        {
            throw new ArgumentException("svm-eval sets the discriminator's width with --width (it is also the untrained baseline's).");
        }
        var width = options.Number("--width", DcganOptions.ArchitectureDefaults.DiscriminatorWidth)!.Value;
        var grid = options.Number("--grid", DiscriminatorFeaturesOptions.Defaults.Grid)!.Value;
        var layers = options.Text("--layers")?.Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        var images = options.Text("--images") ?? TrainingData.BundledMnist;
        var labels = options.Text("--labels")
            ?? (options.Text("--images") is null ? Path.Combine(Path.GetDirectoryName(images)!, "labels-idx1-ubyte.gz")
                : throw new ArgumentException("--images needs --labels (the IDX labels file of the same rows)."));

        var mlContext = new MLContext(seed);
        mlContext.Log += (_, message) =>
        {
            if (message.Kind is ChannelMessageKind.Info && message.RawMessage.StartsWith("DCGAN", StringComparison.Ordinal))
            {
                Console.WriteLine("\r" + message.RawMessage);
            }
        };
        var all = mlContext.Data.LoadIdx(images, labels, padding: options.Number("--padding", 0)!.Value);
        var allLabels = all.GetColumn<float>(GanDataCatalog.LabelColumnName).ToArray();
        var rowCount = allLabels.Length;
        if (testCount >= rowCount)
        {
            throw new ArgumentException($"--test {testCount} leaves no rows to learn from: the data has {rowCount} rows.");
        }
        var poolRows = rowCount - testCount;
        var pool = mlContext.Data.TakeRows(all, poolRows);
        var clock = Stopwatch.StartNew();

        var modelPath = options.Text("--model") ?? TrainDiscriminator(mlContext, pool, options, seed, width, threads, output);
        var trained = new DiscriminatorFeaturesOptions { ModelPath = modelPath, Layers = layers, Grid = grid };
        // The baseline has the trained discriminator's architecture: its image shape and width (--width, when --model is given too).
        var untrained = new DiscriminatorFeaturesOptions
        {
            UntrainedImageShape = mlContext.Transforms.Gan.DiscriminatorFeatures(trained).ImageShape,
            UntrainedWidth = width,
            Seed = seed,
            Layers = layers,
            Grid = grid,
        };
        var shift = options.Number("--virtual-shift", 0)!.Value;
        if (shift < 0)
        {
            throw new ArgumentException($"--virtual-shift takes a number of pixels, 0 or more; found {shift}.");
        }
        var copies = new ShiftedCopies(shift);
        var allRepresentations = new List<(string Key, string Name, Func<IDataView, FeatureTable> Read)>
        {
            ("raw", "raw pixels", data => FeatureTable.Read(data, GanDataCatalog.PixelsColumnName)),
            ("untrained", "untrained discriminator", data => Features(mlContext, untrained, data)),
            ("trained", "trained discriminator", data => Features(mlContext, trained, data)),
        };
        var chosen = options.Text("--representations")?.Split(',') ?? [.. allRepresentations.Select(r => r.Key)];
        if (chosen.FirstOrDefault(key => allRepresentations.All(r => r.Key != key)) is { } unknown)
        {
            throw new ArgumentException($"--representations takes raw, untrained and trained, separated by commas; found '{unknown}'.");
        }
        var representations = allRepresentations.Where(r => chosen.Contains(r.Key)).ToList();

        var labelDraws = Enumerable.Range(0, draws)
            .Select(draw => LabelDraw.Create(allLabels, poolRows, perClass, folds, copies, seed + draw)).ToList();
        var testRows = Enumerable.Range(poolRows, testCount).ToArray();
        var protocol = LinearSvmProtocol.FromCommandLine(options, seed, threads);
        var report = new SvmEvalReport(
            $"Data: {images} ({rowCount} rows). GAN: {(options.Text("--model") is null ? $"trained here on the first {poolRows} rows without labels" : "--model")} ({modelPath}). " +
            $"Labelled: {perClass} per class drawn from the first {poolRows} rows, {draws} draws, each dealt into {folds} folds to choose λ by cross-validation{(copies.PerRow == 0 ? "" : $"; the SVMs also train on {copies.PerRow} copies of each labelled image moved {copies.Pixels} pixel(s)")}. Test: the last {testCount} rows. " +
            $"Classifier: {protocol.Description}. Discriminator width {width}. Layers: {(layers is null ? "all" : string.Join(",", layers))}, {grid}×{grid} grid.");
        var rowsAndCopies = copies.Append(mlContext, all);
        foreach (var (_, name, read) in representations)
        {
            var table = read(rowsAndCopies);
            var results = labelDraws.Select((draw, index) => protocol.Run(table, draw, testRows,
                line => Console.WriteLine($"{name}, draw {index + 1}/{draws}: {line} ({clock.Elapsed:hh\\:mm\\:ss})"))).ToList();
            report.Add(name, table.Width, results);
            Console.WriteLine($"{name}: {results.Average(r => r.MicroAccuracy):P2} micro, {results.Average(r => r.MacroAccuracy):P2} macro ({clock.Elapsed:hh\\:mm\\:ss})");
        }
        var markdown = report.ToMarkdown();
        File.WriteAllText(Path.Combine(output, "svm-eval.md"), markdown);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Written to {Path.Combine(output, "svm-eval.md")} in {clock.Elapsed:hh\\:mm\\:ss}.");
        return 0;
    }

    /// <summary>Trains a DCGAN on the pool's images only (labels dropped) and saves it as discriminator.zip.</summary>
    private static string TrainDiscriminator(MLContext mlContext, IDataView pool, CommandLine options, int seed, int width, int threads, string output)
    {
        var unlabelled = mlContext.Transforms.DropColumns(GanDataCatalog.LabelColumnName).Fit(pool).Transform(pool);
        var dcgan = new DcganOptions
        {
            Epochs = options.Number("--epochs", DefaultEpochs)!.Value,
            DiscriminatorWidth = width,
            Seed = seed,
            TorchThreads = threads,
            TrainingDirectory = Path.Combine(output, "dcgan"),
            Progress = new ConsoleProgress(),
        };
        RecipeOptions.Apply(options, dcgan);
        using var gan = mlContext.Transforms.Gan.TrainDcgan(dcgan).Fit(unlabelled);
        var path = Path.Combine(output, "discriminator.zip");
        mlContext.Model.Save(gan, unlabelled.Schema, path);
        return path;
    }

    private static FeatureTable Features(MLContext mlContext, DiscriminatorFeaturesOptions options, IDataView data)
    {
        using var features = mlContext.Transforms.Gan.DiscriminatorFeatures(options).Fit(data);
        return FeatureTable.Read(features.Transform(data), features.OutputColumnName);
    }
}
