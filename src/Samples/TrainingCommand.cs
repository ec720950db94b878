using System.Diagnostics;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Gan.Samples;

/// <summary>
/// What the GAN training commands share: their options, training through an ML.NET pipeline, and the outputs in
/// <c>--output</c> (the models as zip and ONNX, a sample grid per epoch, history.csv, report.html and the checkpoint).
/// </summary>
internal static class TrainingCommand
{
    /// <summary>The options every training command takes, for usage lines.</summary>
    public const string Options =
        "[--data mnist|DIR|IMAGES.idx[.gz]] [--image-size N] [--grey] [--skip-unreadable] [--preset paper|recommended] [--epochs N] [--minutes N] [--limit N] [--batch-size N] [--seed N] [--threads N] [--resume] " + RecipeOptions.Usage + " --output DIR";

    /// <summary>
    /// Fills <paramref name="trainerOptions"/> from the command line (options not given keep the values it holds),
    /// trains the estimator <paramref name="train"/> makes of them, and writes the outputs; log lines starting with
    /// <paramref name="logPrefix"/> go to the console. <paramref name="defaults"/> (by default
    /// <see cref="TrainingDefaults.Standard"/>) fills in the data, image size and preset the options leave out;
    /// <paramref name="evaluate"/>, when given, runs on the trained model and its data before the command returns.
    /// </summary>
    public static int Run<TOptions>(CommandLine options, TOptions trainerOptions, Func<GanCatalog, TOptions, GanTrainerEstimator> train,
        string logPrefix, TrainingDefaults? defaults = null, Action<MLContext, GanTransformer, IDataView, string>? evaluate = null)
        where TOptions : GanTrainerOptions
    {
        var output = Path.GetFullPath(options.Required("--output"));
        var seed = options.Number("--seed", 1)!.Value;
        var mlContext = new MLContext(seed);
        ConsoleLog.Attach(mlContext, logPrefix);
        defaults ??= TrainingDefaults.Standard;
        var dataPath = defaults.DataPath(options);
        var data = TrainingData.Load(mlContext, dataPath, defaults.Size(options), options.Has("--grey"),
            options.Has("--skip-unreadable"), options.Number("--limit"));
        // Commands with their own defaults (pggan: no default preset) take a preset only when one is asked for.
        if (options.Has("--preset") || defaults.Preset is not null)
        {
            trainerOptions.ApplyPreset(Preset(options, defaults.Preset ?? GanPreset.Recommended));
        }
        RecipeOptions.Apply(options, trainerOptions);
        trainerOptions.Epochs = options.Number("--epochs", trainerOptions.Epochs)!.Value;
        trainerOptions.BatchSize = options.Number("--batch-size", trainerOptions.BatchSize)!.Value;
        trainerOptions.TimeLimit = Minutes(options);
        if (trainerOptions.TimeLimit is not null && !options.Has("--epochs"))
        {
            trainerOptions.Epochs = int.MaxValue;
        }
        trainerOptions.Seed = seed;
        trainerOptions.TorchThreads = options.Number("--threads", Environment.ProcessorCount);
        trainerOptions.TrainingDirectory = output;
        trainerOptions.Resume = options.Has("--resume");
        trainerOptions.Progress = new ConsoleProgress();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        trainerOptions.CancellationToken = cancel.Token;

        var clock = Stopwatch.StartNew();
        using var model = train(mlContext.Transforms.Gan, trainerOptions).Fit(data);
        SaveModels(mlContext, model, data, output);
        var last = model.History.Entries[^1];
        Console.WriteLine($"\rTrained {last.Epoch} epochs ({last.Step} steps) in {clock.Elapsed:hh\\:mm\\:ss}; last epoch {last.ImagesPerSecond:F0} images/s.");
        evaluate?.Invoke(mlContext, model, data, output);
        Console.WriteLine($"Models, samples and report.html are in {output}");
        return 0;
    }

    /// <summary>The <c>--preset</c> option, <c>recommended</c> or <c>paper</c>; <paramref name="fallback"/> when it is not given.</summary>
    public static GanPreset Preset(CommandLine options, GanPreset fallback) => options.Text("--preset", fallback == GanPreset.Paper ? "paper" : "recommended") switch
    {
        "recommended" => GanPreset.Recommended,
        "paper" => GanPreset.Paper,
        var other => throw new ArgumentException($"Option --preset needs paper or recommended, found '{other}'."),
    };

    /// <summary>
    /// The <c>--minutes</c> option as a time limit; with it and no <c>--epochs</c>, the epochs are unbounded and the
    /// time decides.
    /// </summary>
    public static TimeSpan? Minutes(CommandLine options) =>
        options.Number("--minutes") is { } minutes ? TimeSpan.FromMinutes(minutes) : null;

    /// <summary>Writes generator.zip and discriminator.zip (loadable by stock ML.NET) and their ONNX graphs.</summary>
    private static void SaveModels(MLContext mlContext, GanTransformer model, IDataView data, string output)
    {
        ModelFiles.Save(mlContext, model, data.Schema, Path.Combine(output, "discriminator.zip"));
        ModelFiles.Save(mlContext, model.Generator, model.Generator.CreateLatents(1).Schema, Path.Combine(output, "generator.zip"));
        model.ExportOnnx(Path.Combine(output, "discriminator.onnx"));
        model.Generator.ExportOnnx(Path.Combine(output, "generator.onnx"));
    }
}
