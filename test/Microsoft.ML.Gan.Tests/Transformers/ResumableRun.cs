using Microsoft.ML;
using static Microsoft.ML.Gan.Tests.Transformers.DcganEstimatorTests;

namespace Microsoft.ML.Gan.Tests.Transformers;

/// <summary>A small training run that can be cancelled after a step and resumed from its checkpoint.</summary>
internal static class ResumableRun
{
    /// <summary>
    /// Trains the estimator <paramref name="create"/> makes from options it passes through the given configuration
    /// (seed, resume flag, cancellation, progress), cancelling after step <paramref name="cancelAfterStep"/> when set;
    /// returns two generated images and the steps trained. It trains on <paramref name="data"/>, 128 MNIST digits by default.
    /// </summary>
    public static (float[] Pixels, long[] Steps) GeneratorOutput(int? cancelAfterStep, bool resume,
        Func<MLContext, Action<GanTrainerOptions>, GanTrainerEstimator> create, Func<MLContext, IDataView>? data = null)
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(report =>
        {
            if (report.Step == cancelAfterStep)
            {
                cancellation.Cancel();
            }
        });
        var mlContext = new MLContext(seed: 1);
        var estimator = create(mlContext, options =>
        {
            options.Seed = 5;
            options.Resume = resume;
            options.CancellationToken = cancellation.Token;
            options.Progress = progress;
        });
        using var model = estimator.Fit((data ?? (context => Digits(context)))(mlContext));
        return (model.Generator.Generate(2, seed: 9).SelectMany(image => image).ToArray(), progress.Reports.Select(r => r.Step).ToArray());
    }

    /// <summary>Trains to the end, cancels a run of the same options after step 3, resumes it, and asserts both give the same generator.</summary>
    public static void AssertResumesExactly(Func<string, Func<MLContext, Action<GanTrainerOptions>, GanTrainerEstimator>> create)
    {
        var uninterrupted = GeneratorOutput(null, false, create(Data.TestFiles.NewTempFolder()));
        var folder = Data.TestFiles.NewTempFolder();

        Assert.ThrowsExactly<OperationCanceledException>(() => GeneratorOutput(3, false, create(folder)));
        var resumed = GeneratorOutput(null, true, create(folder));

        CollectionAssert.AreEqual(new long[] { 4 }, resumed.Steps, "the resumed run trains only the step after the checkpoint (mid-epoch)");
        CollectionAssert.AreEqual(uninterrupted.Pixels, resumed.Pixels);
    }
}
