namespace Microsoft.ML.Gan.Tests.LatentSpace;

[TestClass]
public sealed class LatentInterpolationTests
{
    private static readonly float[][] Points = LatentVectors.Draw(latentSize: 100, count: 3, seed: 7);

    private static double Norm(float[] v) => Math.Sqrt(v.Sum(x => (double)x * x));

    [TestMethod]
    [DataRow(LatentInterpolationKind.Linear)]
    [DataRow(LatentInterpolationKind.Spherical)]
    public void PathStartsAndEndsAtTheGivenPoints(LatentInterpolationKind kind)
    {
        var path = LatentInterpolation.Path(Points[0], Points[1], steps: 5, kind);

        Assert.HasCount(5, path);
        for (var i = 0; i < Points[0].Length; i++)
        {
            Assert.AreEqual(Points[0][i], path[0][i], 1e-5);
            Assert.AreEqual(Points[1][i], path[^1][i], 1e-5);
        }
    }

    [TestMethod]
    public void LerpMiddleIsTheMean()
    {
        var middle = LatentInterpolation.Lerp(Points[0], Points[1], 0.5);

        CollectionAssert.AreEqual(LatentArithmetic.Mean([Points[0], Points[1]]), middle);
    }

    [TestMethod]
    public void SlerpKeepsTheNormOfEqualNormVectorsWhileLerpShrinksIt()
    {
        var scale = (float)(Norm(Points[0]) / Norm(Points[1]));
        var b = Points[1].Select(x => x * scale).ToArray();

        var slerp = LatentInterpolation.Slerp(Points[0], b, 0.5);
        var lerp = LatentInterpolation.Lerp(Points[0], b, 0.5);

        Assert.AreEqual(Norm(Points[0]), Norm(slerp), 1e-3 * Norm(Points[0]));
        Assert.IsLessThan(0.8 * Norm(Points[0]), Norm(lerp), "two near-orthogonal Gaussian latents: the straight line's middle is about 1/√2 as long");
    }

    [TestMethod]
    public void SlerpDividesTheAngleEvenly()
    {
        float[] a = [1, 0];
        float[] b = [0, 1];

        var third = LatentInterpolation.Slerp(a, b, 1 / 3.0);

        Assert.AreEqual(Math.Cos(Math.PI / 6), third[0], 1e-6);
        Assert.AreEqual(Math.Sin(Math.PI / 6), third[1], 1e-6);
    }

    [TestMethod]
    public void SlerpOfParallelVectorsFallsBackToLerp()
    {
        float[] a = [1, 2];
        float[] b = [2, 4];

        CollectionAssert.AreEqual(LatentInterpolation.Lerp(a, b, 0.25), LatentInterpolation.Slerp(a, b, 0.25));
    }

    [TestMethod]
    public void WalkHasOneRowOfStepsPerPairOfPoints()
    {
        var walk = LatentInterpolation.Walk(Points, steps: 4, LatentInterpolationKind.Spherical);

        Assert.HasCount(8, walk);
        CollectionAssert.AreEqual(Points[1], walk[4], "the second row starts at the second point");
    }

    [TestMethod]
    public void BadInputsAreRefused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => LatentInterpolation.Lerp([1, 2], [1, 2, 3], 0.5));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => LatentInterpolation.Path(Points[0], Points[1], 1, LatentInterpolationKind.Linear));
        Assert.ThrowsExactly<ArgumentException>(() => LatentInterpolation.Walk([Points[0]], 3, LatentInterpolationKind.Linear));
    }
}
