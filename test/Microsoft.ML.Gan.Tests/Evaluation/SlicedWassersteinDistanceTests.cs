using Microsoft.ML;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Evaluation;
using Microsoft.ML.Gan.Tests.Data;

namespace Microsoft.ML.Gan.Tests.Evaluation;

/// <summary>The sliced Wasserstein distance on sets whose relation is known.</summary>
[TestClass]
public sealed class SlicedWassersteinDistanceTests
{
    private static readonly ImageShape Shape = new(3, 32, 32);

    /// <summary><paramref name="count"/> images of random stripes of period <paramref name="period"/>, phases from <paramref name="seed"/>.</summary>
    private static float[] Stripes(int count, int period, int seed)
    {
        var random = new Random(seed);
        var values = new float[count * Shape.Size];
        for (var image = 0; image < count; image++)
        {
            var phase = random.Next(period);
            for (var i = 0; i < Shape.Size; i++)
            {
                var x = i % Shape.Width;
                values[image * Shape.Size + i] = (x + phase) % period < period / 2 ? 200 + random.Next(20) : 40 + random.Next(20);
            }
        }
        return values;
    }

    [TestMethod]
    public void IdenticalSetsAreNearZeroAndDifferentSetsFarApart()
    {
        var real = Stripes(16, period: 4, seed: 1);
        var same = SlicedWassersteinDistance.Compute(real, real, Shape, seed: 1);
        var otherReal = SlicedWassersteinDistance.Compute(real, Stripes(16, period: 4, seed: 2), Shape, seed: 1);
        var shifted = SlicedWassersteinDistance.Compute(real, Stripes(16, period: 8, seed: 2), Shape, seed: 1);

        CollectionAssert.AreEqual(new[] { 32, 16 }, same.Resolutions.ToArray(), "a Laplacian level at 32, the Gaussian at 16");
        Assert.IsLessThan(shifted.Average / 10, same.Average, $"identical {same}; shifted {shifted}");
        Assert.IsLessThan(shifted.Average / 5, otherReal.Average, $"another draw of the same distribution {otherReal}; shifted {shifted}");
        Assert.IsTrue(shifted.Distances.All(d => d > 0));
    }

    [TestMethod]
    public void ComputesOnDataViewsAndRefusesSetsOfDifferentSizes()
    {
        var mlContext = new MLContext(seed: 1);
        var a = PixelRows.Create(mlContext, 4, [3, 32, 32], row => Stripes(4, 4, 1).AsSpan(row * Shape.Size, Shape.Size).ToArray());
        var b = PixelRows.Create(mlContext, 3, [3, 32, 32], row => Stripes(3, 8, 2).AsSpan(row * Shape.Size, Shape.Size).ToArray());

        Assert.HasCount(2, SlicedWassersteinDistance.Compute(a, a, Shape).Distances);
        var error = Assert.ThrowsExactly<ArgumentException>(() => SlicedWassersteinDistance.Compute(a, b, Shape));
        StringAssert.Contains(error.Message, "found 4 and 3");
    }
}
