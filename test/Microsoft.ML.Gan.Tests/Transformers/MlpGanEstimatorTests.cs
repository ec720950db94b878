using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Tests.Data;
using static Microsoft.ML.Gan.Tests.Transformers.DcganEstimatorTests;

namespace Microsoft.ML.Gan.Tests.Transformers;

/// <summary>The original MLP GAN through <c>mlContext.Transforms.Gan.TrainGan</c>: the same contract as DCGAN.</summary>
[TestClass]
public sealed class MlpGanEstimatorTests
{
    /// <summary>A small, fast configuration: narrow layers, two steps an epoch on 128 digits.</summary>
    internal static MlpGanOptions SmallOptions(string? trainingDirectory = null, int epochs = 1) => new()
    {
        Epochs = epochs,
        BatchSize = 64,
        GeneratorWidth = 8,
        DiscriminatorWidth = 16,
        LatentSize = 16,
        SampleCount = 16,
        TrainingDirectory = trainingDirectory,
        TorchThreads = 2,
    };

    [TestMethod]
    public void FitAddsScoreAndHiddenActivationsAsFeatures()
    {
        var mlContext = new MLContext(seed: 1);
        var digits = Digits(mlContext);
        using var model = mlContext.Transforms.Gan.TrainGan(SmallOptions()).Fit(digits);

        var scored = model.Transform(digits);
        var scores = scored.GetColumn<VBuffer<float>>("Score").Select(s => s.DenseValues().Single()).ToList();
        var features = scored.GetColumn<VBuffer<float>>("Features").First();
        var images = model.Generator.Generate(count: 3, seed: 2);

        Assert.HasCount(128, scores);
        Assert.IsTrue(scores.All(s => s is > 0 and < 1), "scores are probabilities");
        Assert.AreEqual(16 + 8, features.Length);
        Assert.AreEqual(features.Length, model.FeatureCount);
        Assert.AreEqual(new ImageShape(1, 28, 28), model.ImageShape);
        Assert.AreEqual(2, model.History.Entries[0].Step);
        Assert.IsTrue(images.All(image => image.Length == 784));
        Assert.IsTrue(images.SelectMany(image => image).All(v => v is >= 0 and <= 255), "pixels are clamped to 0..255");
    }

    [TestMethod]
    public void FlatOverloadTrainsWithThePapersNetworks()
    {
        var mlContext = new MLContext(seed: 1);
        using var model = mlContext.Transforms.Gan.TrainGan(epochs: 1, batchSize: 64).Fit(Digits(mlContext, rows: 64));

        Assert.AreEqual(512 + 256, model.FeatureCount);
        Assert.AreEqual(100, model.Generator.LatentSize);
    }

    [TestMethod]
    public void SavedModelsLoadWithStockMlNetAndScoreTheSame()
    {
        var mlContext = new MLContext(seed: 1);
        var digits = Digits(mlContext, rows: 64);
        var folder = TestFiles.NewTempFolder();
        using var model = mlContext.Transforms.Gan.TrainGan(SmallOptions()).Fit(digits);
        var latents = model.Generator.CreateLatents(3, seed: 5);
        mlContext.Model.Save(model, digits.Schema, Path.Combine(folder, "discriminator.zip"));
        mlContext.Model.Save(model.Generator, latents.Schema, Path.Combine(folder, "generator.zip"));

        var other = new MLContext();
        var discriminator = other.Model.Load(Path.Combine(folder, "discriminator.zip"), out _);
        var generator = other.Model.Load(Path.Combine(folder, "generator.zip"), out _);

        AssertColumnsEqual(model.Transform(digits), discriminator.Transform(digits), "Features");
        AssertColumnsEqual(model.Transform(digits), discriminator.Transform(digits), "Score");
        AssertColumnsEqual(model.Generator.Transform(latents), generator.Transform(latents), "Pixels");
    }

    [TestMethod]
    public void SameSeedGivesTheSameModel()
    {
        float[] Train()
        {
            var mlContext = new MLContext(seed: 7);
            using var model = mlContext.Transforms.Gan.TrainGan(SmallOptions()).Fit(Digits(mlContext));
            return model.Generator.Generate(1, seed: 0)[0];
        }

        CollectionAssert.AreEqual(Train(), Train());
    }

    [TestMethod]
    public void CancelledTrainingResumesToTheSameModelAsUninterruptedTraining() =>
        ResumableRun.AssertResumesExactly(folder => (mlContext, configure) =>
        {
            var options = SmallOptions(folder, epochs: 2);
            configure(options);
            return mlContext.Transforms.Gan.TrainGan(options);
        });
}
