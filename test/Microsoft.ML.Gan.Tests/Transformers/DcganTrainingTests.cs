using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tests.Data;
using Microsoft.ML.Transforms.Image;
using static Microsoft.ML.Gan.Tests.Transformers.DcganEstimatorTests;

namespace Microsoft.ML.Gan.Tests.Transformers;

/// <summary>The training experience: files written per epoch, cancellation, exact resume, progress and log.</summary>
[TestClass]
public sealed class DcganTrainingTests
{
    [TestMethod]
    public void TrainingDirectoryGetsSamplesHistoryReportAndCheckpoint()
    {
        var folder = TestFiles.NewTempFolder();
        var mlContext = new MLContext(seed: 1);
        var log = new List<string>();
        mlContext.Log += (_, e) => { if (e.Message.Contains("epoch 2/2")) log.Add(e.Message); };
        using var model = mlContext.Transforms.Gan.TrainDcgan(SmallOptions(folder, epochs: 2)).Fit(Digits(mlContext));

        Assert.IsTrue(File.Exists(Path.Combine(folder, "samples", "epoch-001.png")));
        Assert.IsTrue(File.Exists(Path.Combine(folder, "samples", "epoch-002.png")));
        Assert.IsTrue(File.Exists(Path.Combine(folder, "checkpoint", "training-state.bin")));
        StringAssert.Contains(File.ReadAllText(Path.Combine(folder, "report.html")), "epoch-002.png");
        Assert.HasCount(3, File.ReadAllLines(Path.Combine(folder, "history.csv")));
        Assert.HasCount(1, log);
        StringAssert.Contains(log[0], "images/s");
        StringAssert.Contains(log[0], "D(G(z))");
    }

    [TestMethod]
    public void StepsChangeTheWeightsAndKeepLossesFinite()
    {
        var mlContext = new MLContext(seed: 1);
        var steps = new SynchronousProgress();
        var options = SmallOptions(epochs: 2);
        options.Progress = steps;
        using var model = mlContext.Transforms.Gan.TrainDcgan(options).Fit(Digits(mlContext));

        Assert.HasCount(4, steps.Reports);
        Assert.IsTrue(steps.Reports.All(r => float.IsFinite(r.GeneratorLoss) && float.IsFinite(r.DiscriminatorLoss)));
        CollectionAssert.AreEqual(new long[] { 1, 2, 3, 4 }, steps.Reports.Select(r => r.Step).ToArray());
        Assert.AreNotEqual(steps.Reports[0].DiscriminatorLoss, steps.Reports[^1].DiscriminatorLoss, "losses move");
    }

    [TestMethod]
    public void CancelledTrainingResumesToTheSameModelAsUninterruptedTraining()
    {
        var (uninterrupted, _) = GeneratorOutput(TestFiles.NewTempFolder(), cancelAfterStep: null);
        var folder = TestFiles.NewTempFolder();

        Assert.ThrowsExactly<OperationCanceledException>(() => GeneratorOutput(folder, cancelAfterStep: 3));
        var (resumed, stepsAfterResume) = GeneratorOutput(folder, cancelAfterStep: null, resume: true);

        CollectionAssert.AreEqual(new long[] { 4 }, stepsAfterResume, "the resumed run trains only the step after the checkpoint (mid-epoch)");
        CollectionAssert.AreEqual(uninterrupted, resumed);
    }

    [TestMethod]
    public void GeneratorCanAlsoOutputAnImageColumn()
    {
        var mlContext = new MLContext(seed: 1);
        var options = SmallOptions();
        options.GeneratorImageColumnName = "Image";
        using var model = mlContext.Transforms.Gan.TrainDcgan(options).Fit(Digits(mlContext));

        var generated = model.Generator.Transform(model.Generator.CreateLatents(2));
        var images = generated.GetColumn<MLImage>("Image").ToList();
        var pixels = generated.GetColumn<VBuffer<float>>("Pixels").First().DenseValues().ToArray();

        Assert.AreEqual(28, images[0].Width);
        Assert.AreEqual(28, images[0].Height);
        var pixel = images[0].Pixels[4 * (28 * 14 + 14)];
        Assert.AreEqual(Math.Round(pixels[28 * 14 + 14]), pixel, 1.0, "the image holds the generated grey level");
        Assert.IsNull(generated.Schema.GetColumnOrNull("Image.Planes"));
    }

    [TestMethod]
    public void ResumingFromACorruptedCheckpointNamesTheFile()
    {
        var folder = TestFiles.NewTempFolder();
        GeneratorOutput(folder, cancelAfterStep: null);
        var checkpoint = Path.Combine(folder, "checkpoint", "training-state.bin");
        var bytes = File.ReadAllBytes(checkpoint);
        File.WriteAllBytes(checkpoint, bytes.AsSpan(0, bytes.Length / 2).ToArray());

        var error = Assert.ThrowsExactly<InvalidDataException>(() => GeneratorOutput(folder, cancelAfterStep: null, resume: true, epochs: 3));

        StringAssert.Contains(error.Message, checkpoint);
    }

    private static (float[] Pixels, long[] Steps) GeneratorOutput(string folder, int? cancelAfterStep, bool resume = false, int epochs = 2)
    {
        using var cancellation = new CancellationTokenSource();
        var mlContext = new MLContext(seed: 1);
        var options = SmallOptions(folder, epochs);
        options.Seed = 5;
        options.Resume = resume;
        options.CancellationToken = cancellation.Token;
        var progress = new SynchronousProgress(report =>
        {
            if (report.Step == cancelAfterStep)
            {
                cancellation.Cancel();
            }
        });
        options.Progress = progress;
        using var model = mlContext.Transforms.Gan.TrainDcgan(options).Fit(Digits(mlContext));
        return (model.Generator.Generate(2, seed: 9).SelectMany(image => image).ToArray(), progress.Reports.Select(r => r.Step).ToArray());
    }

    /// <summary>Reports on the training thread (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<GanTrainingProgress>? onReport = null) : IProgress<GanTrainingProgress>
    {
        public List<GanTrainingProgress> Reports { get; } = [];

        public void Report(GanTrainingProgress value)
        {
            Reports.Add(value);
            onReport?.Invoke(value);
        }
    }
}
