using Microsoft.ML.Data;
using Microsoft.ML.Gan.Evaluation;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Evaluation;

/// <summary>The Fréchet distance, its statistics and the matrix square root against closed forms.</summary>
[TestClass]
public sealed class FrechetDistanceTests
{
    private const double Tolerance = 1e-9;

    [TestMethod]
    public void OneDimensionalSetsMatchTheClosedForm()
    {
        // {0, 2}: mean 1, variance 2; {1, 5}: mean 3, variance 8. (1 − 3)² + 2 + 8 − 2·√(2·8) = 6.
        Assert.AreEqual(6, FrechetDistance.Between(Statistics([0], [2]), Statistics([1], [5])), Tolerance);
    }

    [TestMethod]
    public void DiagonalCovariancesMatchTheClosedForm()
    {
        // The four points (±1, 0), (0, ±1): mean 0, covariance diag(2/3, 2/3). Scaled by 3 and moved by (1, 2):
        // covariance diag(6, 6). Per axis (σ₁ − σ₂)²: (√(2/3) − √6)²; plus ‖(1, 2)‖² = 5.
        float[][] points = [[1, 0], [-1, 0], [0, 1], [0, -1]];
        var first = Statistics(points);
        var second = Statistics([.. points.Select(p => new[] { (3 * p[0]) + 1, (3 * p[1]) + 2 })]);
        var expected = 5 + (2 * Math.Pow(Math.Sqrt(2.0 / 3) - Math.Sqrt(6), 2));
        Assert.AreEqual(expected, FrechetDistance.Between(first, second), Tolerance);
    }

    [TestMethod]
    public void FullCovariancesMatchTheTwoByTwoClosedForm()
    {
        // For 2×2 matrices, Tr((Σ₁Σ₂)^½) = √(Tr(Σ₁Σ₂) + 2√det(Σ₁Σ₂)), since (√a + √b)² = a + b + 2√(ab).
        double[] s1 = [4, 1, 1, 3], s2 = [2, -0.5, -0.5, 1];
        var first = new FeatureStatistics([0, 0], s1, 10);
        var second = new FeatureStatistics([1, -1], s2, 10);
        var traceProduct = (s1[0] * s2[0]) + (s1[1] * s2[2]) + (s1[2] * s2[1]) + (s1[3] * s2[3]);
        var determinant = ((s1[0] * s1[3]) - (s1[1] * s1[2])) * ((s2[0] * s2[3]) - (s2[1] * s2[2]));
        var expected = 2 + (s1[0] + s1[3] + s2[0] + s2[3]) - (2 * Math.Sqrt(traceProduct + (2 * Math.Sqrt(determinant))));
        Assert.AreEqual(expected, FrechetDistance.Between(first, second), 1e-9);
    }

    [TestMethod]
    public void IdenticalSetsAreAtDistanceZero()
    {
        var random = new Random(3);
        float[][] points = [.. Enumerable.Range(0, 50).Select(_ => Enumerable.Range(0, 8).Select(_ => (float)random.NextDouble() * 100).ToArray())];
        Assert.AreEqual(0, FrechetDistance.Between(Statistics(points), Statistics(points)), 1e-6);
    }

    [TestMethod]
    public void SquareRootSquaresBackAndStaysSymmetric()
    {
        using var scope = NewDisposeScope();
        var matrix = tensor(new double[] { 4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2 }, [3, 3]);
        var root = FrechetDistance.SymmetricSquareRoot(matrix);
        Assert.IsLessThan(1e-12, (root.matmul(root) - matrix).abs().max().item<double>());
        Assert.IsLessThan(1e-12, (root - root.t()).abs().max().item<double>());
        // A singular matrix (rank 1) keeps a real root.
        var singular = tensor(new double[] { 1, 2, 2, 4 }, [2, 2]);
        var singularRoot = FrechetDistance.SymmetricSquareRoot(singular);
        Assert.IsLessThan(1e-7, (singularRoot.matmul(singularRoot) - singular).abs().max().item<double>());
    }

    [TestMethod]
    public void MomentsGiveTheUnbiasedCovarianceOverManyBlocks()
    {
        // 1,000 rows cross the 256-row blocks; rows far from 0 check the shifted sums.
        float[][] points = [.. Enumerable.Range(0, 1000).Select(i => new[] { 1000 + (i % 2), 1000 + (i % 4 < 2 ? 1f : 0f) })];
        var statistics = Statistics(points);
        CollectionAssert.AreEqual(new[] { 1000.5, 1000.5 }, statistics.Mean);
        var variance = 0.25 * 1000 / 999;
        double[] expected = [variance, 0, 0, variance];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], statistics.Covariance[i], 1e-12);
        }
    }

    [TestMethod]
    public void FeatureColumnsOfTwoDataViewsAreCompared()
    {
        var mlContext = new MLContext(seed: 1);
        Assert.AreEqual(6, GanEvaluator.Frechet(View(mlContext, [0], [2]), View(mlContext, [1], [5])), Tolerance);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => GanEvaluator.Frechet(View(mlContext, [0], [2]), View(mlContext, [0, 1], [2, 3])));
        StringAssert.Contains(error.Message, "found a vector of 2 values");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => GanEvaluator.Frechet(View(mlContext, [0]), View(mlContext, [1], [5])));
    }

    private static FeatureStatistics Statistics(params float[][] points)
    {
        using var moments = new FeatureMoments(points[0].Length);
        foreach (var point in points)
        {
            moments.Add(point);
        }
        return moments.ToStatistics();
    }

    private static IDataView View(MLContext mlContext, params float[][] points)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, points[0].Length);
        return mlContext.Data.LoadFromEnumerable(points.Select(p => new FeatureRow { Features = p }), schema);
    }

    private sealed class FeatureRow
    {
        public float[] Features = [];
    }
}
