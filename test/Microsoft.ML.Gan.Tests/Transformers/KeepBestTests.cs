using Microsoft.ML;
using Microsoft.ML.Data;
using static Microsoft.ML.Gan.Tests.Transformers.DcganEstimatorTests;

namespace Microsoft.ML.Gan.Tests.Transformers;

/// <summary>Keep-best: a user's quality metric scores generated images every few epochs and the best generator is exported.</summary>
[TestClass]
public sealed class KeepBestTests
{
    [TestMethod]
    public void TheGeneratorOfTheBestScoreIsExported()
    {
        var views = new List<IDataView>();
        var bestAfterFirstEpoch = Generate(epochs: 3, Scripted([5, 1, 3], views));
        var firstEpochOnly = Generate(epochs: 1, metric: null);
        var lastEpoch = Generate(epochs: 3, metric: null);

        CollectionAssert.AreEqual(firstEpochOnly, bestAfterFirstEpoch);
        CollectionAssert.AreNotEqual(lastEpoch, bestAfterFirstEpoch);
        Assert.HasCount(3, views, "evaluated after every epoch");
        var pixels = views[0].GetColumn<VBuffer<float>>("Pixels").ToList();
        Assert.HasCount(20, pixels);
        Assert.IsTrue(pixels.All(image => image.Length == 784 && image.DenseValues().All(v => v is >= 0 and <= 255)));
    }

    [TestMethod]
    public void TheIntervalSkipsEpochsButNotTheLast()
    {
        var views = new List<IDataView>();
        Generate(epochs: 3, Scripted([1, 2], views), interval: 2);

        Assert.HasCount(2, views, "after epochs 2 and 3");
    }

    [TestMethod]
    public void TheBestGeneratorSurvivesAResume()
    {
        MlpGanOptions Options(string folder, Func<IDataView, double> metric)
        {
            var options = MlpGanEstimatorTests.SmallOptions(folder, epochs: 2);
            options.QualityMetric = metric;
            options.QualitySampleCount = 20;
            return options;
        }
        var uninterrupted = ResumableRun.GeneratorOutput(null, false, (mlContext, configure) =>
        {
            var options = Options(Data.TestFiles.NewTempFolder(), Scripted([5, 1], []));
            configure(options);
            return mlContext.Transforms.Gan.TrainGan(options);
        });
        var folder = Data.TestFiles.NewTempFolder();
        Assert.ThrowsExactly<OperationCanceledException>(() => ResumableRun.GeneratorOutput(3, false, (mlContext, configure) =>
        {
            var options = Options(folder, Scripted([5], []));
            configure(options);
            return mlContext.Transforms.Gan.TrainGan(options);
        }));
        var resumed = ResumableRun.GeneratorOutput(null, true, (mlContext, configure) =>
        {
            var options = Options(folder, Scripted([1], []));
            configure(options);
            return mlContext.Transforms.Gan.TrainGan(options);
        });

        CollectionAssert.AreEqual(uninterrupted.Pixels, resumed.Pixels, "the epoch-1 generator, kept in the checkpoint, is exported");
    }

    /// <summary>A metric that returns <paramref name="scores"/> in turn and keeps the views it was given.</summary>
    private static Func<IDataView, double> Scripted(double[] scores, List<IDataView> views) => view =>
    {
        views.Add(view);
        return scores[views.Count - 1];
    };

    private static float[] Generate(int epochs, Func<IDataView, double>? metric, int interval = 1)
    {
        var mlContext = new MLContext(seed: 1);
        var options = MlpGanEstimatorTests.SmallOptions(epochs: epochs);
        options.Seed = 4;
        options.QualityMetric = metric;
        options.QualityEvaluationInterval = interval;
        options.QualitySampleCount = 20;
        using var model = mlContext.Transforms.Gan.TrainGan(options).Fit(Digits(mlContext));
        return model.Generator.Generate(2, seed: 9).SelectMany(image => image).ToArray();
    }
}
