using System.Diagnostics;

namespace Microsoft.ML.Gan.Samples.DomainTransfer;

/// <summary>
/// What the domain transfer commands share: the training options from the command line, training, and the models in
/// <c>--output</c> (transfer.zip, loadable by stock ML.NET, and transfer.onnx; the library writes the grids,
/// history.csv, report.html and checkpoint/ there too).
/// </summary>
internal static class DomainTransferRun
{
    /// <summary>The flag that gives g f's features as they are, without the per-domain standardisation.</summary>
    public const string RawFeaturesFlag = "--raw-features";

    /// <summary>The options both commands take, for usage lines.</summary>
    public const string Options = LabelledImages.Options + " [--target DIR|IMAGES.idx] [--classifier-epochs N] [--f-deformation X (0)] [--alpha X] [--beta X] [--gamma X] [--learning-rate X] [--d-learning-rate X] [--g-steps N] [--ema DECAY (0)] [--d-no-batch-norm] [--d-dropout X] [--raw-features] [--deviation-floor X (0.01)] [--exaggerate-shape X (1)] [--width N] [--epochs N] [--batch-size N] [--seed N] [--threads N] [--resume] --output DIR";

    /// <summary>The target images <c>--target</c> names (else the <paramref name="fallback"/>'s): "mnist", an IDX file or a folder resized to <paramref name="imageSize"/>.</summary>
    public static IDataView Target(MLContext mlContext, CommandLine options, Func<string> fallback, int imageSize, bool grey) =>
        TrainingData.Load(mlContext, options.Text("--target") ?? fallback(), imageSize, grey, skipUnreadable: false, limit: null);

    /// <summary>The source classifier's passes over the labelled source (<c>--classifier-epochs</c>).</summary>
    public static int ClassifierEpochs(CommandLine options) => options.Number("--classifier-epochs", DigitClassifierOptions.Defaults.Epochs)!.Value;

    /// <summary>
    /// The training of the source classifier whose feature layers are f: <paramref name="classCount"/> classes,
    /// <c>--classifier-epochs</c> passes, its training images deformed at random with strength <c>--f-deformation</c>
    /// (0 for none).
    /// </summary>
    public static DigitClassifierOptions EncoderClassifier(CommandLine options, int classCount) => new()
    {
        ClassCount = classCount,
        Epochs = ClassifierEpochs(options),
        Deformation = options.Real("--f-deformation", 0),
        TorchThreads = Threads(options),
    };

    /// <summary>The libtorch threads of every training the command runs (<c>--threads</c>; all cores by default).</summary>
    public static int Threads(CommandLine options) => options.Number("--threads", Environment.ProcessorCount)!.Value;

    /// <summary>Fills <paramref name="transfer"/> from the command line, trains on <paramref name="source"/> and saves the models.</summary>
    public static DomainTransferTransformer Train(MLContext mlContext, CommandLine options, IDataView source, DomainTransferOptions transfer,
        string output, int defaultEpochs)
    {
        transfer.Epochs = options.Number("--epochs", defaultEpochs)!.Value;
        transfer.BatchSize = options.Number("--batch-size", transfer.BatchSize)!.Value;
        transfer.ConstancyWeight = options.Real("--alpha", transfer.ConstancyWeight);
        transfer.IdentityWeight = options.Real("--beta", transfer.IdentityWeight);
        transfer.TotalVariationWeight = options.Real("--gamma", transfer.TotalVariationWeight);
        transfer.LearningRate = options.Real("--learning-rate", transfer.LearningRate);
        transfer.DiscriminatorLearningRate = options.Real("--d-learning-rate", transfer.LearningRate);
        transfer.GeneratorSteps = options.Number("--g-steps", transfer.GeneratorSteps)!.Value;
        transfer.GeneratorAverageDecay = options.Real("--ema", transfer.GeneratorAverageDecay);
        transfer.DiscriminatorBatchNorm = !options.Has("--d-no-batch-norm");
        transfer.DiscriminatorDropout = options.Real("--d-dropout", transfer.DiscriminatorDropout);
        transfer.StandardiseFeaturesPerDomain = !options.Has(RawFeaturesFlag);
        transfer.SmallestFeatureDeviation = options.Real("--deviation-floor", transfer.SmallestFeatureDeviation);
        transfer.SourceShapeExaggeration = options.Real("--exaggerate-shape", transfer.SourceShapeExaggeration);
        transfer.Width = options.Number("--width", transfer.Width)!.Value;
        transfer.Seed = options.Number("--seed", 1);
        transfer.TorchThreads = Threads(options);
        transfer.TrainingDirectory = output;
        transfer.Resume = options.Has("--resume");
        transfer.Progress = new ConsoleProgress();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        transfer.CancellationToken = cancel.Token;
        var clock = Stopwatch.StartNew();
        var model = mlContext.Transforms.Gan.TrainDomainTransfer(transfer).Fit(source);
        ModelFiles.Save(mlContext, model, source.Schema, Path.Combine(output, "transfer.zip"));
        model.ExportOnnx(Path.Combine(output, "transfer.onnx"));
        var last = model.History.Entries[^1];
        Console.WriteLine($"\rTrained {last.Epoch} epochs ({last.Step} steps) in {clock.Elapsed:hh\\:mm\\:ss}; last epoch {last.ImagesPerSecond:F0} source images/s.");
        return model;
    }

    /// <summary>The transferred images of <paramref name="scored"/> under the name of the images, for a classifier or a grid; the source images dropped.</summary>
    public static IDataView TransferredAsPixels(MLContext mlContext, IDataView scored, DomainTransferTransformer model) =>
        mlContext.Transforms.DropColumns(model.InputColumnName)
            .Append(mlContext.Transforms.CopyColumns(model.InputColumnName, model.OutputColumnName))
            .Fit(scored).Transform(scored);
}
