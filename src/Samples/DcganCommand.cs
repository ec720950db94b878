using System.Diagnostics;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Gan.Samples;

/// <summary>
/// <c>dcgan</c>: trains a DCGAN through an ML.NET pipeline and writes the models (zip and ONNX), a sample grid per
/// epoch, history.csv, report.html and the checkpoint into <c>--output</c>.
/// </summary>
internal static class DcganCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage =
        "dcgan [--data mnist|DIR|IMAGES.idx[.gz]] [--image-size N] [--grey] [--skip-unreadable] [--epochs N] [--limit N] [--batch-size N] [--seed N] [--threads N] [--resume] --output DIR";

    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine options)
    {
        var output = Path.GetFullPath(options.Required("--output"));
        var seed = options.Number("--seed", 1)!.Value;
        var mlContext = new MLContext(seed);
        mlContext.Log += (_, message) =>
        {
            if (message.Kind is ChannelMessageKind.Info or ChannelMessageKind.Warning && message.RawMessage.StartsWith("DCGAN", StringComparison.Ordinal))
            {
                Console.WriteLine("\r" + message.RawMessage);
            }
        };
        var data = TrainingData.Load(mlContext, options.Text("--data", "mnist")!, options.Number("--image-size"),
            options.Has("--grey"), options.Has("--skip-unreadable"), options.Number("--limit"));
        var dcgan = new DcganOptions
        {
            Epochs = options.Number("--epochs", DcganOptions.Defaults.Epochs)!.Value,
            BatchSize = options.Number("--batch-size", DcganOptions.Defaults.BatchSize)!.Value,
            Seed = seed,
            TorchThreads = options.Number("--threads", Environment.ProcessorCount),
            TrainingDirectory = output,
            Resume = options.Has("--resume"),
            Progress = new ConsoleProgress(),
        };
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        dcgan.CancellationToken = cancel.Token;

        var clock = Stopwatch.StartNew();
        using var model = mlContext.Transforms.Gan.TrainDcgan(dcgan).Fit(data);
        SaveModels(mlContext, model, data, output);
        var last = model.History.Entries[^1];
        Console.WriteLine($"\rTrained {last.Epoch} epochs ({last.Step} steps) in {clock.Elapsed:hh\\:mm\\:ss}; last epoch {last.ImagesPerSecond:F0} images/s.");
        Console.WriteLine($"Models, samples and report.html are in {output}");
        return 0;
    }

    /// <summary>Writes generator.zip and discriminator.zip (loadable by stock ML.NET) and their ONNX graphs.</summary>
    private static void SaveModels(MLContext mlContext, GanTransformer model, IDataView data, string output)
    {
        ModelFiles.Save(mlContext, model, data.Schema, Path.Combine(output, "discriminator.zip"));
        ModelFiles.Save(mlContext, model.Generator, model.Generator.CreateLatents(1).Schema, Path.Combine(output, "generator.zip"));
        model.ExportOnnx(Path.Combine(output, "discriminator.onnx"));
        model.Generator.ExportOnnx(Path.Combine(output, "generator.onnx"));
    }
}
