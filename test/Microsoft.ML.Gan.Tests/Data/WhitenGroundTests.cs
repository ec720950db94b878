using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Tests.Data;

[TestClass]
public sealed class WhitenGroundTests
{
    private sealed class Portrait
    {
        [VectorType(1, 16, 16)]
        public float[] Pixels { get; set; } = [];

        public float Label { get; set; }
    }

    private sealed class Unshaped
    {
        [VectorType(250)]
        public float[] Pixels { get; set; } = [];
    }

    /// <summary>A ground of 40 with a head of 200 over rows 4 to 15 and columns 4 to 11.</summary>
    private static float[] Head() => [.. Enumerable.Range(0, 256).Select(i => i / 16 >= 4 && i % 16 is >= 4 and < 12 ? 200f : 40f)];

    [TestMethod]
    public void TheGroundOfEachRowTurnsWhiteAndOtherColumnsPassThrough()
    {
        var mlContext = new MLContext(seed: 1);
        var portraits = mlContext.Data.LoadFromEnumerable([new Portrait { Pixels = Head(), Label = 3 }, new Portrait { Pixels = Head(), Label = 5 }]);

        var whitened = mlContext.Data.WhitenGround(portraits, tolerance: 0.1f);

        foreach (var pixels in whitened.GetColumn<float[]>("Pixels"))
        {
            Assert.AreEqual(255f, pixels[(1 * 16) + 8], "above the head");
            Assert.AreEqual(200f, pixels[(8 * 16) + 8], "in the head");
        }
        CollectionAssert.AreEqual(new float[] { 3, 5 }, whitened.GetColumn<float>("Label").ToList());
    }

    [TestMethod]
    public void DroppedIslandsTurnWhite()
    {
        var mlContext = new MLContext(seed: 1);
        var speckled = Head();
        speckled[8] = speckled[9] = 200; // a speck in the top row, two rows clear of the head as the 3 × 3 means see it
        var portraits = mlContext.Data.LoadFromEnumerable([new Portrait { Pixels = speckled }]);

        var kept = mlContext.Data.WhitenGround(portraits, tolerance: 0.1f).GetColumn<float[]>("Pixels").Single();
        var dropped = mlContext.Data.WhitenGround(portraits, tolerance: 0.1f, dropIslands: true).GetColumn<float[]>("Pixels").Single();

        Assert.AreEqual(200f, kept[8], "the speck, kept");
        Assert.AreEqual(255f, dropped[8], "the speck, dropped");
        Assert.AreEqual(200f, dropped[(8 * 16) + 8], "in the head");
    }

    [TestMethod]
    [DataRow(-0.1f)]
    [DataRow(1.5f)]
    [DataRow(float.NaN)]
    public void ToleranceOutsideZeroToOneIsRefused(float tolerance)
    {
        var mlContext = new MLContext(seed: 1);
        var portraits = mlContext.Data.LoadFromEnumerable([new Portrait { Pixels = Head() }]);

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Data.WhitenGround(portraits, tolerance));
        Assert.AreEqual("tolerance", error.ParamName);
    }

    [TestMethod]
    [DataRow(-0.1f)]
    [DataRow(1.5f)]
    [DataRow(float.NaN)]
    public void KeptCentreOutsideZeroToOneIsRefused(float keptCentre)
    {
        var mlContext = new MLContext(seed: 1);
        var portraits = mlContext.Data.LoadFromEnumerable([new Portrait { Pixels = Head() }]);

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Data.WhitenGround(portraits, keptCentre: keptCentre));
        Assert.AreEqual("keptCentre", error.ParamName);
    }

    [TestMethod]
    public void AColumnThatIsNoImageIsRefusedByName()
    {
        var mlContext = new MLContext(seed: 1);
        var flat = mlContext.Data.LoadFromEnumerable([new Unshaped { Pixels = new float[250] }]);

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Data.WhitenGround(flat));
        StringAssert.Contains(error.Message, "Pixels");
    }
}
