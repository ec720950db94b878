using Microsoft.ML.Gan.Evaluation;

namespace Microsoft.ML.Gan.Tests.Evaluation;

/// <summary>The classifier score and class coverage against values computed by hand.</summary>
[TestClass]
public sealed class ClassPredictionStatisticsTests
{
    private const double Tolerance = 1e-9;

    [TestMethod]
    public void OneHotRowsSpreadEvenlyScoreTheClassCount()
    {
        var statistics = Add(4, [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]);
        Assert.AreEqual(4, statistics.Score, Tolerance);
        CollectionAssert.AreEqual(new[] { 0.25, 0.25, 0.25, 0.25 }, statistics.Shares);
    }

    [TestMethod]
    public void IdenticalRowsScoreOne()
    {
        var statistics = Add(3, [0.2f, 0.5f, 0.3f], [0.2f, 0.5f, 0.3f], [0.2f, 0.5f, 0.3f]);
        Assert.AreEqual(1, statistics.Score, 1e-6);
        CollectionAssert.AreEqual(new[] { 0.0, 1.0, 0.0 }, statistics.Shares);
    }

    [TestMethod]
    public void MixedRowsMatchTheMeanKullbackLeibler()
    {
        // p(y) = (0.75, 0.25); KL of row 1 = ln(1/0.75); KL of row 2 = 0.5 ln(0.5/0.75) + 0.5 ln(0.5/0.25).
        var statistics = Add(2, [1, 0], [0.5f, 0.5f]);
        var expected = Math.Exp((Math.Log(1 / 0.75) + (0.5 * Math.Log(0.5 / 0.75)) + (0.5 * Math.Log(0.5 / 0.25))) / 2);
        Assert.AreEqual(expected, statistics.Score, Tolerance);
        CollectionAssert.AreEqual(new[] { 1.0, 0.0 }, statistics.Shares, "a tie goes to the lowest class");
    }

    [TestMethod]
    public void RowsThatAreNotProbabilitiesAreRefused()
    {
        var statistics = new ClassPredictionStatistics(2);
        Assert.ThrowsExactly<ArgumentException>(() => statistics.Add([0.5f, 0.6f]));
        Assert.ThrowsExactly<ArgumentException>(() => statistics.Add([1.5f, -0.5f]));
        Assert.ThrowsExactly<ArgumentException>(() => statistics.Add([1f]));
        Assert.ThrowsExactly<InvalidOperationException>(() => statistics.Score);
    }

    private static ClassPredictionStatistics Add(int classes, params float[][] rows)
    {
        var statistics = new ClassPredictionStatistics(classes);
        foreach (var row in rows)
        {
            statistics.Add(row);
        }
        return statistics;
    }
}
