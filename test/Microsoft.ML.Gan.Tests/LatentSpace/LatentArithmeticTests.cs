namespace Microsoft.ML.Gan.Tests.LatentSpace;

[TestClass]
public sealed class LatentArithmeticTests
{
    [TestMethod]
    public void MeanIsElementWise()
    {
        CollectionAssert.AreEqual(new float[] { 2, -1 }, LatentArithmetic.Mean([[1, 0], [2, -1], [3, -2]]));
    }

    [TestMethod]
    public void CombineIsMeanAMinusMeanBPlusMeanC()
    {
        float[][] a = [[1, 1], [3, 3], [5, 5]];
        float[][] b = [[1, 0], [1, 0], [1, 0]];
        float[][] c = [[0, 2], [0, 4], [0, 6]];

        CollectionAssert.AreEqual(new float[] { 2, 7 }, LatentArithmetic.Combine(a, b, c));
    }

    [TestMethod]
    public void JitterStartsWithTheCenterAndStaysWithinTheScale()
    {
        float[] center = [1, -1, 0.5f];

        var jittered = LatentArithmetic.Jitter(center, count: 9, scale: 0.25, seed: 3);

        Assert.HasCount(9, jittered);
        CollectionAssert.AreEqual(center, jittered[0]);
        Assert.IsTrue(jittered.Skip(1).All(v => v.Zip(center).All(p => Math.Abs(p.First - p.Second) <= 0.25 + 1e-6)));
        CollectionAssert.AreNotEqual(jittered[1], jittered[2]);
        CollectionAssert.AreEqual(jittered[4], LatentArithmetic.Jitter(center, 9, 0.25, seed: 3)[4], "seeded");
    }

    [TestMethod]
    public void ConceptsOfDifferentLengthsAreRefused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => LatentArithmetic.Mean([[1, 2], [1]]));
        Assert.ThrowsExactly<ArgumentException>(() => LatentArithmetic.Combine([[1, 2]], [[1, 2, 3]], [[1, 2]]));
        Assert.ThrowsExactly<ArgumentException>(() => LatentArithmetic.Mean([]));
    }
}
