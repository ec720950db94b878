namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// The models <c>bench-scoring</c> scores: a DCGAN trained briefly through the estimator (the weights' values do not
/// change the cost of a dense forward pass), saved as generator.zip and discriminator.zip and loaded back with stock
/// ML.NET, as an application would.
/// </summary>
internal static class ScoringModels
{
    /// <summary>Trains one epoch on <paramref name="digits"/>, saves both zips into <paramref name="directory"/>, loads them back.</summary>
    public static (ITransformer Generator, ITransformer Discriminator) TrainSaveLoad(MLContext mlContext, IDataView digits,
        int threads, string directory)
    {
        Directory.CreateDirectory(directory);
        var generatorPath = Path.Combine(directory, "generator.zip");
        var discriminatorPath = Path.Combine(directory, "discriminator.zip");
        using (var gan = mlContext.Transforms.Gan.TrainDcgan(new DcganOptions { Epochs = 1, TorchThreads = threads, Seed = BenchSetup.Seed }).Fit(digits))
        {
            ModelFiles.Save(mlContext, gan, digits.Schema, discriminatorPath);
            ModelFiles.Save(mlContext, gan.Generator, gan.Generator.CreateLatents(1).Schema, generatorPath);
        }
        var loadContext = new MLContext(seed: BenchSetup.Seed);
        return (ModelFiles.Load(loadContext, generatorPath, out _), ModelFiles.Load(loadContext, discriminatorPath, out _));
    }
}
