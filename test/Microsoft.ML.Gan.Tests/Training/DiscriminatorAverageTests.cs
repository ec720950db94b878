using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Training;
using static Microsoft.ML.Gan.Tests.Transformers.DcganEstimatorTests;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Training;

/// <summary>The weight average of the discriminator: exported in place of the live one, and no change to training.</summary>
[TestClass]
public sealed class DiscriminatorAverageTests
{
    [TestMethod]
    public void AverageIsExportedAndTrainingStaysTheSame()
    {
        using var scope = NewDisposeScope();
        using var plain = TrainedModel(discriminatorAverageDecay: 0);
        using var averaged = TrainedModel(discriminatorAverageDecay: 0.9);

        Assert.AreSame(plain.Discriminator, plain.ExportedDiscriminator);
        Assert.AreNotSame(averaged.Discriminator, averaged.ExportedDiscriminator);
        Assert.IsTrue(SameWeights(plain.Discriminator, averaged.Discriminator), "the average changed the live discriminator's training");
        Assert.IsTrue(SameWeights(plain.Generator, averaged.Generator), "the average changed the generator's training");
        Assert.IsFalse(SameWeights(averaged.Discriminator, averaged.ExportedDiscriminator), "the exported discriminator is the live one");
    }

    [TestMethod]
    public void FittedModelScoresWithTheAverageAndKeepsTheSameGenerator()
    {
        var mlContext = new MLContext(seed: 1);
        var digits = Digits(mlContext);
        var options = SmallOptions(epochs: 2);
        options.Seed = 4;
        using var plain = mlContext.Transforms.Gan.TrainDcgan(options).Fit(digits);
        options.DiscriminatorAverageDecay = 0.5;
        using var averaged = mlContext.Transforms.Gan.TrainDcgan(options).Fit(digits);

        CollectionAssert.AreEqual(plain.Generator.Generate(2, seed: 3)[0], averaged.Generator.Generate(2, seed: 3)[0],
            "the average changed the generator's training");
        var plainScores = Scores(plain, digits);
        var averagedScores = Scores(averaged, digits);
        Assert.IsTrue(averagedScores.All(float.IsFinite));
        CollectionAssert.AreNotEqual(plainScores, averagedScores, "the exported discriminator is the live one");
    }

    [TestMethod]
    public void DecayOutOfRangeIsRefusedByName()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => new MLContext(seed: 1).Transforms.Gan.TrainDcgan(new DcganOptions { DiscriminatorAverageDecay = 1 }));

        Assert.AreEqual(nameof(GanTrainerOptions.DiscriminatorAverageDecay), error.ParamName);
    }

    private static AdversarialModel TrainedModel(double discriminatorAverageDecay)
    {
        var options = new DcganOptions { DiscriminatorAverageDecay = discriminatorAverageDecay };
        var architecture = new DcganArchitecture(DcganLayout.For(new ImageShape(1, 16, 16), latentSize: 4, generatorWidth: 4, discriminatorWidth: 4),
            featureGrid: 2, spectralNormalization: false, batchNorm: false, dropout: 0.3);
        manual_seed(7);
        var model = new AdversarialModel(architecture.CreateGenerator, architecture.CreateDiscriminator, 4,
            AdversarialSettings.From(options, seed: 7), CPU);
        var data = new Generator(11);
        for (var step = 0; step < 5; step++)
        {
            model.Step(rand([4, 1, 16, 16], generator: data) * 2 - 1, randn([4, 4], generator: data));
        }
        return model;
    }

    private static bool SameWeights(nn.Module first, nn.Module second) =>
        first.parameters().Zip(second.parameters()).All(pair => pair.First.allclose(pair.Second, 0, 0));

    private static float[] Scores(GanTransformer model, IDataView digits) =>
        model.Transform(digits).GetColumn<VBuffer<float>>("Score").Select(score => score.DenseValues().Single()).ToArray();
}
