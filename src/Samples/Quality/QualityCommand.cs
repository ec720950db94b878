using System.Diagnostics;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Gan.Samples.Quality;

/// <summary>
/// <c>quality</c>: trains the paper's DCGAN, the recommended DCGAN and the MLP GAN on the first digits of the bundled
/// MNIST (labels unused), scores samples of each every few epochs with the library's digit classifier against the
/// held-out real digits, and writes quality.md and quality.html.
/// </summary>
internal static class QualityCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage =
        "quality [--limit N (8000)] [--epochs N (10) | --minutes N] [--samples N (2000)] [--every N (2)] [--classifier classifier.zip] [--only NAME] [--seed N] [--threads N] " + RecipeOptions.Usage + " --output DIR";

    private const int HeldOut = 2000;

    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine options, IEnumerable<string> commandLine)
    {
        var output = Path.GetFullPath(options.Required("--output"));
        Directory.CreateDirectory(output);
        var seed = options.Number("--seed", 1)!.Value;
        var limit = options.Number("--limit", 8000)!.Value;
        var mlContext = new MLContext(seed);
        mlContext.Log += (_, message) =>
        {
            if (message.Kind == ChannelMessageKind.Info && message.RawMessage.Contains(" epoch ", StringComparison.Ordinal))
            {
                Console.WriteLine("\r" + message.RawMessage);
            }
        };
        var mnist = TrainingData.BundledMnist;
        var digits = mlContext.Data.LoadIdx(mnist, Path.Combine(Path.GetDirectoryName(mnist)!, "labels-idx1-ubyte.gz"));
        var training = mlContext.Data.TakeRows(digits, limit);
        var heldOut = mlContext.Data.TakeRows(mlContext.Data.SkipRows(digits, limit), HeldOut);

        using var classifier = Classifier(mlContext, options.Text("--classifier"), training, output);
        var accuracy = classifier.EvaluateAccuracy(heldOut);
        Console.WriteLine($"Digit classifier: {accuracy:P2} on the {HeldOut} held-out digits.");
        var evaluator = new GanEvaluator(classifier, heldOut);
        var images = mlContext.Transforms.DropColumns("Label").Fit(training).Transform(training);

        var points = new List<QualityPoint>();
        var only = options.Text("--only");
        foreach (var candidate in QualityCandidate.Standard(options).Where(c => only is null || c.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            points.AddRange(Measure(mlContext, candidate, images, evaluator, options, seed, output));
        }
        var markdown = QualityReport.Write(output, evaluator.RealMetrics, accuracy, points,
            "dotnet run --project src/Samples -c Release -- " + string.Join(' ', commandLine.Select(word => word.Contains(' ', StringComparison.Ordinal) ? $"\"{word}\"" : word)));
        Console.WriteLine(markdown);
        return 0;
    }

    /// <summary>The classifier of <paramref name="path"/>, or one trained on <paramref name="training"/> and saved in <paramref name="output"/>.</summary>
    private static DigitClassifier Classifier(MLContext mlContext, string? path, IDataView training, string output)
    {
        if (path is not null)
        {
            return DigitClassifier.Load(mlContext, path);
        }
        var clock = Stopwatch.StartNew();
        var classifier = mlContext.Transforms.Gan.TrainDigitClassifier(new DigitClassifierOptions { Seed = 1 }).Fit(training);
        classifier.Save(Path.Combine(output, "classifier.zip"));
        Console.WriteLine($"Trained the digit classifier in {clock.Elapsed:mm\\:ss} (saved as classifier.zip; pass it with --classifier next time).");
        return classifier;
    }

    /// <summary>Trains one candidate, scoring its samples every few epochs through the trainer's quality hook.</summary>
    private static List<QualityPoint> Measure(MLContext mlContext, QualityCandidate candidate, IDataView images,
        GanEvaluator evaluator, CommandLine options, int seed, string output)
    {
        var measured = new List<GanMetrics>();
        var trainer = candidate.Options;
        trainer.Seed = seed;
        trainer.TorchThreads = options.Number("--threads", Environment.ProcessorCount);
        trainer.TimeLimit = TrainingCommand.Minutes(options);
        trainer.Epochs = options.Number("--epochs") ?? (trainer.TimeLimit is null ? 10 : int.MaxValue);
        trainer.QualitySampleCount = options.Number("--samples", 2000)!.Value;
        trainer.QualityEvaluationInterval = options.Number("--every", 2)!.Value;
        trainer.QualityMetric = generated =>
        {
            var metrics = evaluator.Evaluate(generated);
            measured.Add(metrics);
            return metrics.ClassifierScore;
        };
        trainer.TrainingDirectory = Path.Combine(output, candidate.Folder);
        Console.WriteLine($"== {candidate.Name} (samples per epoch, report.html and the checkpoint in {trainer.TrainingDirectory})");
        using var model = candidate.Train(mlContext.Transforms.Gan, trainer).Fit(images);
        // The hook ran at every interval's epoch and at the last one, in that order.
        var entries = model.History.Entries;
        var evaluated = entries.Where((entry, index) => entry.Epoch % trainer.QualityEvaluationInterval == 0 || index == entries.Count - 1).ToList();
        return evaluated.Zip(measured, (entry, metrics) => new QualityPoint(candidate.Name, entry.Epoch, entry.Step, entry.ElapsedSeconds / 60, metrics)).ToList();
    }
}
