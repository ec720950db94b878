using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tests.Data;

namespace Microsoft.ML.Gan.Tests.Transformers;

/// <summary>Progressive GAN training end to end on tiny 16×16 images: the model contract, the files, exact resume mid-fade.</summary>
[TestClass]
public sealed class ProgressiveGanTrainingTests
{
    /// <summary>Eight 3×16×16 images of smooth random gradients.</summary>
    internal static IDataView Images(MLContext mlContext) => PixelRows.Create(mlContext, 8, [3, 16, 16], row =>
    {
        var random = new Random(row);
        var (a, b, c) = (random.NextSingle(), random.NextSingle(), random.NextSingle());
        return Enumerable.Range(0, 3 * 256).Select(i => 255 * (a * (i / 256) / 2 + b * (i % 16) / 16 + c * (i % 256 / 16) / 16) / 2).ToArray();
    });

    /// <summary>2 images a step (4 at 16×16), 4 images a phase: 5 phases, 9 steps, tiny widths, one thread.</summary>
    internal static ProgressiveGanOptions TinyOptions(string? trainingDirectory = null) => new()
    {
        LatentSize = 8,
        FeatureMapBase = 32,
        FeatureMapMax = 8,
        BatchSize = 2,
        BatchSizes = { [16] = 4 },
        ImagesPerStabilizePhase = 4,
        ImagesPerFadePhase = 4,
        SampleCount = 4,
        TorchThreads = 1,
        Seed = 5,
        TrainingDirectory = trainingDirectory,
    };

    [TestMethod]
    public void GrowsTo16x16AndKeepsTheModelContractOfEveryTrainer()
    {
        var folder = TestFiles.NewTempFolder();
        var mlContext = new MLContext(seed: 1);
        var progress = new SynchronousProgress();
        var options = TinyOptions(folder);
        options.Progress = progress;
        var images = Images(mlContext);
        using var model = mlContext.Transforms.Gan.TrainProgressiveGan(options).Fit(images);

        Assert.HasCount(8, progress.Reports, "three phases of two steps of 2 images (4×4, 8×8), then two of one step of 4 (16×16)");
        var growth = progress.Reports.Select(report => report.Growth!).ToList();
        CollectionAssert.AreEqual(new long[] { 2, 4, 6, 8, 10, 12, 16, 20 }, growth.Select(g => g.ImagesShown).ToList());
        Assert.IsTrue(growth.All(g => g.TotalImages == 20), "the schedule: 5 phases of 4 images");
        Assert.AreEqual("level-1-8x8-fade", growth[3].Phase);
        Assert.AreEqual(0.5, growth[3].Alpha, 1e-9, "the second step of the 8×8 fade starts half-way");
        var generated = model.Generator.Generate(2, seed: 1);
        Assert.HasCount(3 * 16 * 16, generated[0]);
        Assert.IsTrue(generated.SelectMany(p => p).All(v => v is >= 0 and <= 255));
        var scored = model.Transform(images);
        Assert.HasCount(1, scored.GetColumn<VBuffer<float>>("Score").First().DenseValues());
        Assert.HasCount((8 + 8 + 8) * 16, scored.GetColumn<VBuffer<float>>("Features").First().DenseValues());
        foreach (var phase in new[] { "phase-00-level-0-4x4-stable", "phase-01-level-1-8x8-fade", "phase-04-level-2-16x16-stable" })
        {
            Assert.IsTrue(File.Exists(Path.Combine(folder, "samples", phase + ".png")), phase);
        }
        StringAssert.Contains(File.ReadAllText(Path.Combine(folder, "report.html")), "phase-03-level-2-16x16-fade.png");
    }

    [TestMethod]
    public void ResumingMidFadeGivesTheModelOfUninterruptedTraining()
    {
        var uninterrupted = ResumableRun.GeneratorOutput(null, false, Create(TestFiles.NewTempFolder()), Images);
        var folder = TestFiles.NewTempFolder();

        // Step 3 is the first of the 8×8 fade (α 0); the checkpoint is taken at α 0.5 with Adam's state of that fade.
        Assert.ThrowsExactly<OperationCanceledException>(() => ResumableRun.GeneratorOutput(3, false, Create(folder), Images));
        var resumed = ResumableRun.GeneratorOutput(null, true, Create(folder), Images);

        CollectionAssert.AreEqual(new long[] { 4, 5, 6, 7, 8 }, resumed.Steps);
        CollectionAssert.AreEqual(uninterrupted.Pixels, resumed.Pixels);
    }

    [TestMethod]
    public void RefusesImagesThatCannotGrowAndKeepBest()
    {
        var mlContext = new MLContext(seed: 1);
        var digits = PixelRows.Create(mlContext, 4, [1, 28, 28]);
        var error = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Transforms.Gan.TrainProgressiveGan(TinyOptions()).Fit(digits));
        StringAssert.Contains(error.Message, "found 1×28×28");
        var options = TinyOptions();
        options.QualityMetric = _ => 0;
        Assert.ThrowsExactly<ArgumentException>(() => mlContext.Transforms.Gan.TrainProgressiveGan(options));
        options = TinyOptions();
        options.BatchSizes[8] = 3;
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Transforms.Gan.TrainProgressiveGan(options)).Message,
            "multiple of BatchSize (2); found 3");
    }

    private static Func<MLContext, Action<GanTrainerOptions>, GanTrainerEstimator> Create(string folder) => (mlContext, configure) =>
    {
        var options = TinyOptions(folder);
        configure(options);
        return mlContext.Transforms.Gan.TrainProgressiveGan(options);
    };
}
