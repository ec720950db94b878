using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Tests.Transformers;
using Microsoft.ML.Gan.Training;
using static Microsoft.ML.Gan.Tests.Transformers.DcganEstimatorTests;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Training;

/// <summary>The options every trainer shares: losses, critic steps, TTUR, latent distribution, spectral norm.</summary>
[TestClass]
public sealed class TrainingOptionsTests
{
    [TestMethod]
    [DataRow(GanLoss.NonSaturating, false)]
    [DataRow(GanLoss.Minimax, false)]
    [DataRow(GanLoss.LeastSquares, false)]
    [DataRow(GanLoss.Hinge, false)]
    [DataRow(GanLoss.Wasserstein, false)]
    [DataRow(GanLoss.NonSaturating, true)]
    [DataRow(GanLoss.Minimax, true)]
    [DataRow(GanLoss.LeastSquares, true)]
    [DataRow(GanLoss.Hinge, true)]
    [DataRow(GanLoss.Wasserstein, true)]
    public void EachLossTrainsWithoutNaN(GanLoss loss, bool dcgan)
    {
        var mlContext = new MLContext(seed: 1);
        var progress = new SynchronousProgress();
        GanTrainerOptions options = dcgan ? DcganEstimatorTests.SmallOptions(epochs: 2) : MlpGanEstimatorTests.SmallOptions(epochs: 2);
        options.Loss = loss;
        options.Progress = progress;
        var digits = Digits(mlContext);
        using var model = dcgan
            ? mlContext.Transforms.Gan.TrainDcgan((DcganOptions)options).Fit(digits)
            : mlContext.Transforms.Gan.TrainGan((MlpGanOptions)options).Fit(digits);

        var scores = model.Transform(digits).GetColumn<VBuffer<float>>("Score").Select(s => s.DenseValues().Single());
        Assert.HasCount(4, progress.Reports);
        Assert.IsTrue(progress.Reports.All(r => float.IsFinite(r.GeneratorLoss) && float.IsFinite(r.DiscriminatorLoss)));
        Assert.AreNotEqual(progress.Reports[0].DiscriminatorLoss, progress.Reports[^1].DiscriminatorLoss, "losses move");
        Assert.IsTrue(scores.All(float.IsFinite));
    }

    [TestMethod]
    public void CriticStepsUpdateTheGeneratorOnEveryNthBatch()
    {
        var mlContext = new MLContext(seed: 1);
        var progress = new SynchronousProgress();
        var options = MlpGanEstimatorTests.SmallOptions(epochs: 2);
        options.Loss = GanLoss.Wasserstein;
        options.CriticSteps = 2;
        options.Progress = progress;
        using var model = mlContext.Transforms.Gan.TrainGan(options).Fit(Digits(mlContext));

        var losses = progress.Reports.Select(r => r.GeneratorLoss).ToArray();
        Assert.AreEqual(losses[0], losses[1], "no generator step on batch 2");
        Assert.AreNotEqual(losses[1], losses[2], "a generator step on batch 3");
        Assert.AreEqual(losses[2], losses[3]);
    }

    [TestMethod]
    public void WassersteinWithCriticStepsResumesExactly() =>
        ResumableRun.AssertResumesExactly(folder => (mlContext, configure) =>
        {
            var options = MlpGanEstimatorTests.SmallOptions(folder, epochs: 2);
            options.Loss = GanLoss.Wasserstein;
            options.CriticSteps = 2;
            configure(options);
            return mlContext.Transforms.Gan.TrainGan(options);
        });

    [TestMethod]
    public void SpectralNormalizationResumesExactly() =>
        ResumableRun.AssertResumesExactly(DcganTrainingTests.Dcgan(adjust: options => options.SpectralNormalization = true));

    [TestMethod]
    public void DiscriminatorDropoutWithoutBatchNormResumesExactly() =>
        ResumableRun.AssertResumesExactly(DcganTrainingTests.Dcgan(adjust: options =>
        {
            options.DiscriminatorBatchNorm = false;
            options.DiscriminatorDropout = 0.3;
        }));

    [TestMethod]
    public void DiscriminatorTranslationResumesExactly() =>
        ResumableRun.AssertResumesExactly(DcganTrainingTests.Dcgan(adjust: options => options.DiscriminatorTranslation = 2));

    [TestMethod]
    public void SeparateLearningRatesReachTheOptimisers()
    {
        var options = new MlpGanOptions { GeneratorLearningRate = 1e-4, DiscriminatorLearningRate = 4e-4 };
        var architecture = new MlpGanArchitecture(MlpLayout.For(new ImageShape(1, 4, 4), 8, 8, 8), spectralNormalization: false);
        using var model = new AdversarialModel(architecture.CreateGenerator, architecture.CreateDiscriminator, 8,
            AdversarialSettings.From(options, seed: 1), CPU);

        Assert.AreEqual((1e-4, 4e-4), model.LearningRates);
    }

    [TestMethod]
    public void UniformLatentsTrainAndTheGeneratorDrawsThem()
    {
        var mlContext = new MLContext(seed: 1);
        var options = MlpGanEstimatorTests.SmallOptions();
        options.LatentDistribution = LatentDistribution.Uniform;
        using var model = mlContext.Transforms.Gan.TrainGan(options).Fit(Digits(mlContext));

        var latents = model.Generator.CreateLatents(50, seed: 3).GetColumn<VBuffer<float>>("Latent")
            .SelectMany(v => v.DenseValues()).ToArray();

        Assert.AreEqual(LatentDistribution.Uniform, model.Generator.LatentDistribution);
        Assert.IsTrue(latents.All(v => v is >= -1 and <= 1));
        Assert.IsGreaterThan(0.3, latents.Select(Math.Abs).Average(), "uniform on [−1, 1] has mean |z| 0.5");
    }

    [TestMethod]
    [DataRow("CriticSteps")]
    [DataRow("DiscriminatorTranslation")]
    public void OutOfRangeStepOptionsAreRefusedByName(string option)
    {
        var mlContext = new MLContext(seed: 1);
        var options = option == "CriticSteps" ? new DcganOptions { CriticSteps = 0 } : new DcganOptions { DiscriminatorTranslation = -1 };

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Transforms.Gan.TrainDcgan(options));

        Assert.AreEqual(option, error.ParamName);
    }
}
