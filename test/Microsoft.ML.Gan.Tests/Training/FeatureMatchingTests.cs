using Microsoft.ML;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Tests.Transformers;
using Microsoft.ML.Gan.Training;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Training;

/// <summary>The generator's feature-matching objective: its value by hand, and the trainers that cannot offer it.</summary>
[TestClass]
public sealed class FeatureMatchingTests
{
    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void GeneratorLossIsTheDistanceBetweenTheHiddenLayersBatchMeans(bool dcgan)
    {
        // The discriminator's learning rate is 0, so its step leaves it as the hand computation reads it.
        var options = new DcganOptions { GeneratorFeatureMatching = true, DiscriminatorLearningRate = 0 };
        var image = new ImageShape(1, 16, 16);
        GanArchitecture architecture = dcgan
            ? new DcganArchitecture(DcganLayout.For(image, latentSize: 4, generatorWidth: 4, discriminatorWidth: 4), featureGrid: 2,
                spectralNormalization: false, batchNorm: false, dropout: 0)
            : new MlpGanArchitecture(MlpLayout.For(image, 4, 8, 8), spectralNormalization: false);
        manual_seed(3);
        using var scope = NewDisposeScope();
        using var model = new AdversarialModel(architecture.CreateGenerator, architecture.CreateDiscriminator, 4,
            AdversarialSettings.From(options, seed: 3), CPU);
        var real = rand(6, 1, 16, 16) * 2 - 1;
        var latents = randn(6, 4);
        var hidden = (IHiddenFeatures)model.Discriminator;
        float expected, nonSaturating;
        using (no_grad())
        {
            model.Generator.train();
            model.Discriminator.train();
            var generated = model.Generator.forward(latents);
            var difference = hidden.LastHiddenFeatures(real).mean([0L]) - hidden.LastHiddenFeatures(generated).mean([0L]);
            expected = difference.square().mean().item<float>();
            nonSaturating = nn.functional.softplus(-model.Discriminator.forward(generated)).mean().item<float>();
        }

        var losses = model.Step(real, latents);

        Assert.AreEqual(expected, losses.GeneratorLoss, 1e-5 * expected);
        Assert.IsGreaterThan(1e-3 * expected, Math.Abs(nonSaturating - expected), "the two objectives agree here, so the test cannot tell them apart");
    }

    [TestMethod]
    public void ProgressiveGanRefusesFeatureMatchingByName()
    {
        var mlContext = new MLContext(seed: 1);
        var options = ProgressiveGanTrainingTests.TinyOptions();
        options.GeneratorFeatureMatching = true;

        var error = Assert.ThrowsExactly<NotSupportedException>(
            () => mlContext.Transforms.Gan.TrainProgressiveGan(options).Fit(ProgressiveGanTrainingTests.Images(mlContext)));

        StringAssert.Contains(error.Message, nameof(GanTrainerOptions.GeneratorFeatureMatching));
    }
}
