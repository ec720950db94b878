using Microsoft.ML;

namespace Microsoft.ML.Gan.Tests.LatentSpace;

[TestClass]
public sealed class NearestNeighboursTests
{
    private static readonly float[][] References = [[0, 0], [3, 4], [1, 0], [0, 2], [-1, 0]];

    [TestMethod]
    public void FindsTheKNearestInOrderWithEuclideanDistances()
    {
        var found = NearestNeighbours.Search([[0, 0], [3, 3]], References, k: 3);

        CollectionAssert.AreEqual(new[] { 0, 2, 4 }, found[0].Select(n => n.Index).ToArray(), "ties at distance 1: lower index first");
        CollectionAssert.AreEqual(new[] { 0.0, 1.0, 1.0 }, found[0].Select(n => n.Distance).ToArray());
        Assert.AreEqual(1, found[1][0].Index);
        Assert.AreEqual(1.0, found[1][0].Distance, 1e-12);
        Assert.AreEqual(Math.Sqrt(10), found[1][1].Distance, 1e-12);
    }

    [TestMethod]
    public void AgreesWithBruteForceOnRandomVectors()
    {
        var references = LatentVectors.Draw(latentSize: 6, count: 200, seed: 1);
        var queries = LatentVectors.Draw(latentSize: 6, count: 10, seed: 2);

        var found = NearestNeighbours.Search(queries, references, k: 4);

        for (var q = 0; q < queries.Length; q++)
        {
            var expected = references.Select((r, i) => (i, d: r.Zip(queries[q], (a, b) => (double)(a - b) * (a - b)).Sum()))
                .OrderBy(p => p.d).Take(4).Select(p => p.i).ToArray();
            CollectionAssert.AreEqual(expected, found[q].Select(n => n.Index).ToArray());
        }
    }

    [TestMethod]
    public void FewerReferencesThanKGiveThemAll()
    {
        Assert.HasCount(2, NearestNeighbours.Search([[0, 0]], [[1, 1], [2, 2]], k: 5)[0]);
    }

    [TestMethod]
    public void SearchesAVectorColumnOfTwoDataViews()
    {
        var queries = LatentVectors.Create("Pixels", [[0.9f, 0.1f]]);
        var references = LatentVectors.Create("Pixels", References);

        var found = NearestNeighbours.Search(queries, references, "Pixels", k: 1);

        Assert.AreEqual(2, found[0][0].Index);
    }

    [TestMethod]
    public void MismatchedSizesAreRefused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => NearestNeighbours.Search([[0, 0]], [[1, 1, 1]], k: 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            NearestNeighbours.Search(LatentVectors.Create("Pixels", [[0f, 0f]]), LatentVectors.Create("Pixels", [[0f, 0f, 0f]]), "Pixels", 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => NearestNeighbours.Search(LatentVectors.Create("Pixels", [[0f]]), LatentVectors.Create("Other", [[0f]]), "Pixels", 1));
    }
}
