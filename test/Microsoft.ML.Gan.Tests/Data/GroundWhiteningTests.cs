using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Tests.Data;

[TestClass]
public sealed class GroundWhiteningTests
{
    // 16×16 grey portraits on a ground of 40: the corner patches are 2 × 2 pixels of ground. The whitening judges a
    // pixel by its 3 × 3 mean, so the assertions keep two pixels away from where regions meet.
    private static readonly ImageShape Shape = new(1, 16, 16);
    private const float Ground = 40;
    private const float White = 255;

    /// <summary>The ground with a block of <paramref name="value"/> over rows and columns [from, to) of each.</summary>
    private static float[] Portrait(params (int Top, int Bottom, int Left, int Right, float Value)[] blocks)
    {
        var image = Enumerable.Repeat(Ground, Shape.Size).ToArray();
        foreach (var (top, bottom, left, right, value) in blocks)
        {
            for (var y = top; y < bottom; y++)
            {
                for (var x = left; x < right; x++)
                {
                    image[(y * Shape.Width) + x] = value;
                }
            }
        }
        return image;
    }

    private static float At(float[] image, int y, int x, int channel = 0) => image[(channel * Shape.Height * Shape.Width) + (y * Shape.Width) + x];

    [TestMethod]
    public void TheGroundTurnsWhiteAndTheHeadIsKept()
    {
        // A head of 200 from row 4 down to the bottom edge, columns 4 to 11.
        var whitened = GroundWhitening.Apply(Portrait((4, 16, 4, 12, 200)), Shape, tolerance: 20, step: White, White);

        Assert.AreEqual(White, At(whitened, 0, 0));
        Assert.AreEqual(White, At(whitened, 1, 8), "above the head");
        Assert.AreEqual(White, At(whitened, 15, 1), "beside the head at the bottom");
        Assert.AreEqual(200f, At(whitened, 6, 6));
        Assert.AreEqual(200f, At(whitened, 13, 9));
    }

    [TestMethod]
    public void GroundLikePixelsEnclosedByTheHeadAreKept()
    {
        // A head of 200 with a 4 × 4 patch of the ground's luminance (a dark eye) inside it.
        var image = Portrait((3, 16, 2, 14, 200), (7, 11, 6, 10, Ground));

        var whitened = GroundWhitening.Apply(image, Shape, tolerance: 20, step: White, White);

        Assert.AreEqual(Ground, At(whitened, 8, 7));
        Assert.AreEqual(Ground, At(whitened, 9, 8));
        Assert.AreEqual(White, At(whitened, 0, 8));
    }

    [TestMethod]
    public void TheBottomEdgeSeedsNoGround()
    {
        // A head of 200 across the whole width from row 4 down, and below it, meeting only the bottom edge, a patch of ground.
        var image = Portrait((4, 16, 0, 16, 200), (11, 16, 5, 11, Ground));

        var whitened = GroundWhitening.Apply(image, Shape, tolerance: 20, step: White, White);

        Assert.AreEqual(Ground, At(whitened, 14, 8));
        Assert.AreEqual(White, At(whitened, 1, 8));
    }

    [TestMethod]
    public void ASteepStepStopsTheGroundWithinTheTolerance()
    {
        // A face of 100, within a tolerance of 70 of the ground, but 60 above it in one step.
        var image = Portrait((4, 16, 4, 12, 100));

        var stopped = GroundWhitening.Apply(image, Shape, tolerance: 70, step: 10, White);
        var crossed = GroundWhitening.Apply(image, Shape, tolerance: 70, step: 30, White);

        Assert.AreEqual(100f, At(stopped, 8, 8), "steps of 20 between 3 × 3 means stop a step limit of 10");
        Assert.AreEqual(White, At(stopped, 1, 8));
        Assert.AreEqual(White, At(crossed, 8, 8), "a step limit of 30 lets the ground reach the face");
    }

    [TestMethod]
    public void AKeptCentreStaysWhereTheGroundWouldReachItAndTheRestTurnsWhite()
    {
        // A face as light as the ground (its outline fades into it), from row 4 down: without a kept centre all of it is ground.
        var image = Portrait((4, 16, 4, 12, Ground + 5));

        var open = GroundWhitening.Apply(image, Shape, tolerance: 20, step: White, White);
        var kept = GroundWhitening.Apply(image, Shape, tolerance: 20, step: White, White, keptCentre: 0.5f);

        Assert.AreEqual(White, At(open, 8, 8), "the open ground reaches the face's middle");
        Assert.AreEqual(Ground + 5, At(kept, 8, 8), "the centre, inside the ellipse 8 pixels across");
        Assert.AreEqual(Ground + 5, At(kept, 5, 8), "the ellipse's top row");
        Assert.AreEqual(White, At(kept, 3, 8), "above the ellipse");
        Assert.AreEqual(White, At(kept, 8, 3), "left of the ellipse");
        Assert.AreEqual(White, At(kept, 4, 5), "the ellipse's corner is outside it");
    }

    [TestMethod]
    public void DroppedIslandsTurnWhiteAndTheHeadWithWhatItEnclosesIsKept()
    {
        // A head of 200 from row 8 down with a dark eye inside it, and above it, apart even as the 3 × 3 means see it, a
        // speck of 150 the ground cannot cross.
        var image = Portrait((8, 16, 3, 13, 200), (11, 14, 6, 10, Ground), (1, 4, 6, 9, 150));

        var kept = GroundWhitening.Apply(image, Shape, tolerance: 20, step: White, White);
        var dropped = GroundWhitening.Apply(image, Shape, tolerance: 20, step: White, White, dropIslands: true);

        Assert.AreEqual(150f, At(kept, 2, 7), "without dropping, the speck stays");
        Assert.AreEqual(White, At(dropped, 2, 7), "the speck is an island");
        Assert.AreEqual(200f, At(dropped, 9, 4));
        Assert.AreEqual(Ground, At(dropped, 12, 8), "the eye belongs to the head");
        Assert.AreEqual(White, At(dropped, 0, 0));
    }

    [TestMethod]
    public void EveryChannelOfAGroundPixelTurnsWhite()
    {
        var colour = new ImageShape(3, 16, 16);
        var grey = Portrait((4, 16, 4, 12, 200));
        var image = grey.Concat(grey).Concat(grey).ToArray();

        var whitened = GroundWhitening.Apply(image, colour, tolerance: 20, step: White, White);

        for (var channel = 0; channel < 3; channel++)
        {
            Assert.AreEqual(White, At(whitened, 1, 1, channel));
            Assert.AreEqual(200f, At(whitened, 8, 8, channel));
        }
    }

    [TestMethod]
    [DataRow(-1f)]
    [DataRow(float.NaN)]
    [DataRow(float.PositiveInfinity)]
    public void ToleranceThatIsNegativeOrNotFiniteIsRefused(float tolerance)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => GroundWhitening.Apply(Portrait(), Shape, tolerance, step: 10, White));
        Assert.AreEqual("tolerance", error.ParamName);
    }

    [TestMethod]
    [DataRow(-1f)]
    [DataRow(float.NaN)]
    public void StepThatIsNegativeOrNotFiniteIsRefused(float step)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => GroundWhitening.Apply(Portrait(), Shape, tolerance: 20, step, White));
        Assert.AreEqual("step", error.ParamName);
    }
}
