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
    public void CancelledTrainingResumesToTheSameModelAsUninterruptedTraining() => ResumableRun.AssertResumesExactly(Dcgan());

    [TestMethod]
    public void TimeLimitStopsAtTheFirstEpochBoundaryAfterIt()
    {
        var folder = TestFiles.NewTempFolder();
        var mlContext = new MLContext(seed: 1);
        var options = SmallOptions(folder, epochs: 5);
        options.TimeLimit = TimeSpan.FromTicks(1);
        using var model = mlContext.Transforms.Gan.TrainDcgan(options).Fit(Digits(mlContext));

        Assert.HasCount(1, model.History.Entries);
        Assert.IsTrue(File.Exists(Path.Combine(folder, "checkpoint", "training-state.bin")), "a time-limited run can be resumed");
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
        ResumableRun.GeneratorOutput(null, false, Dcgan()(folder));
        var checkpoint = Path.Combine(folder, "checkpoint", "training-state.bin");
        var bytes = File.ReadAllBytes(checkpoint);
        File.WriteAllBytes(checkpoint, bytes.AsSpan(0, bytes.Length / 2).ToArray());

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ResumableRun.GeneratorOutput(null, true, Dcgan(epochs: 3)(folder)));

        StringAssert.Contains(error.Message, checkpoint);
    }

    /// <summary>A small DCGAN run in a training directory, for <see cref="ResumableRun"/>; <paramref name="adjust"/> changes its options.</summary>
    internal static Func<string, Func<MLContext, Action<GanTrainerOptions>, GanTrainerEstimator>> Dcgan(int epochs = 2, Action<DcganOptions>? adjust = null) =>
        folder => (mlContext, configure) =>
        {
            var options = SmallOptions(folder, epochs);
            adjust?.Invoke(options);
            configure(options);
            return mlContext.Transforms.Gan.TrainDcgan(options);
        };
}
