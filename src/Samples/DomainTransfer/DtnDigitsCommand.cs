using System.Globalization;

namespace Microsoft.ML.Gan.Samples.DomainTransfer;

/// <summary>
/// <c>dtn-digits</c>: printed digits rendered here (source, labelled by construction) to the bundled MNIST (target,
/// labels unused), then the accuracy of an MNIST classifier on G(source test digits) against their labels, beside the
/// same classifier on the raw source test digits.
/// </summary>
internal static class DtnDigitsCommand
{
    /// <summary>The option that self-trains f on the target with pseudo-labels of this confidence (0, the default, for none).</summary>
    private const string PseudoLabelsOption = "--f-pseudo-labels";

    /// <summary>
    /// The option that gives L_CONST its own encoder h: a classifier trained as f is and self-trained besides on the
    /// target with pseudo-labels of this confidence (0, the default, for none: L_CONST reads f).
    /// </summary>
    private const string ConstancyPseudoLabelsOption = "--constancy-pseudo-labels";

    /// <summary>The flag that has h end at the class logits rather than at the hidden feature layer.</summary>
    public const string ConstancyLogitsFlag = "--constancy-logits";

    /// <summary>The flag that has L_CONST ask h to give G(s) the class it gives s (a cross-entropy over h's logits).</summary>
    public const string ConstancyClassesFlag = "--constancy-classes";

    /// <summary>The usage line.</summary>
    public const string Usage = "dtn-digits (--target defaults to mnist) [--train N] [--test N] [--judge-epochs N (--classifier-epochs)] [" + PseudoLabelsOption + " CONFIDENCE (0)] [" + ConstancyPseudoLabelsOption + " CONFIDENCE (0) [" + ConstancyLogitsFlag + " [" + ConstancyClassesFlag + "]]] " + DomainTransferRun.Options;

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(CommandLine options)
    {
        var output = Path.GetFullPath(options.Required("--output"));
        var seed = options.Number("--seed", 1)!.Value;
        var constancyConfidence = options.Real(ConstancyPseudoLabelsOption, 0);
        if (options.Has(ConstancyLogitsFlag) && constancyConfidence <= 0)
        {
            throw new ArgumentException($"{ConstancyLogitsFlag} chooses the layer of L_CONST's own classifier: it needs {ConstancyPseudoLabelsOption} CONFIDENCE.");
        }
        if (options.Has(ConstancyClassesFlag) && !options.Has(ConstancyLogitsFlag))
        {
            throw new ArgumentException($"{ConstancyClassesFlag} compares the classes of L_CONST's own classifier: it needs {ConstancyLogitsFlag}.");
        }
        var mlContext = new MLContext(seed);
        ConsoleLog.Attach(mlContext, "Domain transfer", "Digit classifier");
        var (train, test) = Source(mlContext, options, seed);
        var target = DomainTransferRun.Target(mlContext, options, () => "mnist", PrintedDigits.Side, grey: true);
        var classifierEpochs = DomainTransferRun.ClassifierEpochs(options);

        // The judge: an MNIST classifier trained on the bundled digits with their labels, which the transfer never sees.
        var mnist = mlContext.Data.LoadIdx(TrainingData.BundledMnist, TrainingData.BundledMnistLabels);
        var judgeEpochs = options.Number("--judge-epochs", classifierEpochs)!.Value;
        using var judge = mlContext.Transforms.Gan.TrainDigitClassifier(new DigitClassifierOptions { Epochs = judgeEpochs, Seed = seed, TorchThreads = DomainTransferRun.Threads(options) }).Fit(mnist);
        var baseline = judge.EvaluateAccuracy(test);
        var nearestBaseline = NearestDigitJudge.Accuracy(test, mnist);
        Console.WriteLine($"MNIST classifier on the raw source test digits: {baseline:P2} (nearest MNIST digit's label: {nearestBaseline:P2})");

        // What f can tell on MNIST by itself: a classifier trained as f is, on the source digits, reading the bundled MNIST.
        // With the transfer's seed, on the same rows in the same order and threads, it is f's twin: its feature layers
        // are the f the transfer trains.
        var encoderClassifier = DomainTransferRun.EncoderClassifier(options, classCount: 10);
        encoderClassifier.Seed = seed;
        // f self-trains on the target images when asked (their pixels only; a step beyond the paper's f).
        SelfTrainOnTarget(encoderClassifier, options.Real(PseudoLabelsOption, 0), target);
        double likeFOnMnist;
        using (var likeF = mlContext.Transforms.Gan.TrainDigitClassifier(encoderClassifier).Fit(train))
        {
            likeFOnMnist = likeF.EvaluateAccuracy(mnist);
        }
        Console.WriteLine($"A classifier trained as f is, on the bundled MNIST digits: {likeFOnMnist:P2}");

        var transfer = DomainTransferOptions.Digits(target);
        transfer.Encoder = DomainTransferEncoder.SourceClassifier(encoderClassifier);
        if (constancyConfidence > 0)
        {
            // L_CONST reads h, a classifier trained as f is and self-trained besides on the target's pixels, while g reads f.
            var constancyClassifier = DomainTransferRun.EncoderClassifier(options, classCount: 10);
            SelfTrainOnTarget(constancyClassifier, constancyConfidence, target);
            transfer.ConstancyEncoder = DomainTransferEncoder.SourceClassifier(constancyClassifier, logits: options.Has(ConstancyLogitsFlag));
            transfer.ConstancyOverClasses = options.Has(ConstancyClassesFlag);
        }
        using var model = DomainTransferRun.Train(mlContext, options, train, transfer, output, defaultEpochs: 3);
        var transferred = DomainTransferRun.TransferredAsPixels(mlContext, model.Transform(test), model);
        var accuracy = judge.EvaluateAccuracy(transferred);
        var nearest = NearestDigitJudge.Accuracy(transferred, mnist);
        Console.WriteLine($"MNIST classifier on G(source test digits): {accuracy:P2} (nearest MNIST digit's label: {nearest:P2})");
        File.WriteAllText(Path.Combine(output, "accuracy.txt"), string.Create(CultureInfo.InvariantCulture,
            $"baseline (raw source test digits) {baseline:F4}\nclassifier trained as f, on MNIST {likeFOnMnist:F4}\ntransferred G(source test digits) {accuracy:F4}\n" +
            $"nearest MNIST digit's label: raw source test digits {nearestBaseline:F4}, G(source test digits) {nearest:F4}\n"));
        Console.WriteLine($"Models, samples and report.html are in {output}");
        return 0;
    }

    /// <summary>Has <paramref name="classifier"/> self-train on the <paramref name="target"/> images with pseudo-labels of <paramref name="confidence"/>; 0 leaves it as it is.</summary>
    private static void SelfTrainOnTarget(DigitClassifierOptions classifier, double confidence, IDataView target)
    {
        if (confidence > 0)
        {
            classifier.UnlabelledImages = target;
            classifier.PseudoLabelConfidence = confidence;
        }
    }

    /// <summary>The source training and test digits: rendered here, or the labelled --source (a folder or an IDX pair) split 90/10.</summary>
    private static (IDataView Train, IDataView Test) Source(MLContext mlContext, CommandLine options, int seed)
    {
        if (LabelledImages.Load(mlContext, options, PrintedDigits.Side, grey: true) is { } source)
        {
            var (labelled, classCount) = source;
            if (classCount != 10)
            {
                throw new ArgumentException($"--source: dtn-digits judges the digit classes 0 to 9; found {classCount} classes.");
            }
            var split = mlContext.Data.TrainTestSplit(labelled, testFraction: 0.1, seed: seed);
            return (split.TrainSet, split.TestSet);
        }
        var typefaces = PrintedDigits.SystemTypefaces();
        Console.WriteLine($"Rendering printed digits with {typefaces.Count} system typefaces.");
        var train = mlContext.Data.Cache(PrintedDigits.Create(mlContext, typefaces, options.Number("--train", 20000)!.Value, seed));
        var test = mlContext.Data.Cache(PrintedDigits.Create(mlContext, typefaces, options.Number("--test", 2000)!.Value, seed + 1));
        return (train, test);
    }
}
