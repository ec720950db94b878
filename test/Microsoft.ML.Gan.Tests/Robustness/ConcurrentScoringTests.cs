using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tests.Data;
using static Microsoft.ML.Gan.Tests.Transformers.DcganEstimatorTests;

namespace Microsoft.ML.Gan.Tests.Robustness;

[TestClass]
public sealed class ConcurrentScoringTests
{
    [TestMethod]
    public void LoadedDiscriminatorScoresTheSameFromManyThreads()
    {
        var mlContext = new MLContext(seed: 1);
        var digits = Digits(mlContext, rows: 64);
        var path = Path.Combine(TestFiles.NewTempFolder(), "discriminator.zip");
        using (var model = mlContext.Transforms.Gan.TrainDcgan(SmallOptions()).Fit(digits))
        {
            mlContext.Model.Save(model, digits.Schema, path);
        }
        var loaded = mlContext.Model.Load(path, out _);
        var rows = mlContext.Data.CreateEnumerable<Digit>(digits, reuseRowObject: false).ToArray();
        var expected = loaded.Transform(digits).GetColumn<VBuffer<float>>("Score").Select(s => s.GetItemOrDefault(0)).ToArray();

        var actual = new float[rows.Length];
        // Engines are made one after another: ML.NET 5.0.1 crashes natively (double free) or throws when several
        // threads create PredictionEngines over one loaded OnnxTransformer at the same time; using them at once is fine.
        var engines = Enumerable.Range(0, 4).Select(_ => mlContext.Model.CreatePredictionEngine<Digit, Scored>(loaded)).ToArray();
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            for (var row = worker; row < rows.Length; row += 4)
            {
                actual[row] = engines[worker].Predict(rows[row]).Score[0];
            }
        });
        CollectionAssert.AreEqual(expected, actual);
        var parallelTransform = new float[rows.Length];
        Parallel.For(0, 2, part =>
        {
            var slice = mlContext.Data.TakeRows(part == 0 ? digits : mlContext.Data.SkipRows(digits, part * 32), 32);
            var scores = loaded.Transform(slice).GetColumn<VBuffer<float>>("Score").Select(s => s.GetItemOrDefault(0)).ToArray();
            scores.CopyTo(parallelTransform, part * 32);
        });

        CollectionAssert.AreEqual(expected, parallelTransform);
    }

    private sealed class Digit
    {
        [VectorType(1, 28, 28)]
        public float[] Pixels = [];
    }

    private sealed class Scored
    {
        public float[] Score = [];
    }
}
