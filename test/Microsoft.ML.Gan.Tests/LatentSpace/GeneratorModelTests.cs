using Microsoft.ML;
using Microsoft.ML.Gan.Tests.Reporting;
using Microsoft.ML.Gan.Tests.Transformers;

namespace Microsoft.ML.Gan.Tests.LatentSpace;

[TestClass]
public sealed class GeneratorModelTests
{
    [TestMethod]
    public void ALoadedGeneratorDecodesChosenLatentsLikeTheTrainedOne()
    {
        var mlContext = new MLContext(seed: 1);
        using var folder = new TemporaryFolder();
        using var gan = mlContext.Transforms.Gan.TrainDcgan(DcganEstimatorTests.SmallOptions()).Fit(DcganEstimatorTests.Digits(mlContext));
        var path = folder.File("generator.zip");
        mlContext.Model.Save(gan.Generator, gan.Generator.CreateLatents(1).Schema, path);

        using var loaded = GeneratorModel.Load(new MLContext(), path);
        using var inMemory = GeneratorModel.From(gan.Generator);
        var latents = loaded.DrawLatents(3, seed: 5);

        Assert.AreEqual(16, loaded.LatentSize);
        Assert.AreEqual(gan.Generator.ImageShape, loaded.ImageShape);
        CollectionAssert.AreEqual(inMemory.Generate(latents)[2], loaded.Generate(latents)[2]);
        var error = Assert.ThrowsExactly<ArgumentException>(() => loaded.Generate([new float[10]]));
        StringAssert.Contains(error.Message, "16");
    }

    [TestMethod]
    public void AMissingModelFileIsNamed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-generator-{Guid.NewGuid():N}.zip");

        var error = Assert.ThrowsExactly<FileNotFoundException>(() => GeneratorModel.Load(new MLContext(), path));

        StringAssert.Contains(error.Message, path);
    }
}
