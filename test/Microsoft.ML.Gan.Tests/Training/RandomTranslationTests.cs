using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Training;

[TestClass]
public sealed class RandomTranslationTests
{
    [TestMethod]
    public void EachImageIsItselfShiftedWithinTheLimitWithBlackComingInAndShiftsVary()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        const int limit = 2;
        var images = rand(16, 2, 6, 7) * 2 - 1;

        var shifted = new RandomTranslation(limit).Apply(images);

        CollectionAssert.AreEqual(images.shape, shifted.shape);
        var found = new HashSet<(int, int)>();
        for (var i = 0; i < 16; i++)
        {
            var shift = ShiftOf(images[i], shifted[i], limit);
            Assert.IsNotNull(shift, $"image {i} is not a shift of its input by at most {limit} pixels");
            found.Add(shift.Value);
        }
        Assert.IsGreaterThan(1, found.Count, "every image had the same shift");
    }

    [TestMethod]
    public void GradientsReachTheImages()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var images = rand(4, 1, 5, 5).requires_grad_(true);

        new RandomTranslation(1).Apply(images).sum().backward();

        Assert.IsGreaterThan(0f, images.grad!.abs().sum().item<float>());
    }

    /// <summary>The (dy, dx) by which <paramref name="output"/> is <paramref name="input"/> moved, −1 filling the rest; null if none.</summary>
    private static (int, int)? ShiftOf(Tensor input, Tensor output, int limit)
    {
        var height = (int)input.shape[1];
        var width = (int)input.shape[2];
        for (var dy = -limit; dy <= limit; dy++)
        {
            for (var dx = -limit; dx <= limit; dx++)
            {
                var expected = full_like(input, -1);
                var rows = height - Math.Abs(dy);
                var columns = width - Math.Abs(dx);
                expected.narrow(1, Math.Max(dy, 0), rows).narrow(2, Math.Max(dx, 0), columns)
                    .copy_(input.narrow(1, Math.Max(-dy, 0), rows).narrow(2, Math.Max(-dx, 0), columns));
                if (expected.equal(output).all().item<bool>())
                {
                    return (dy, dx);
                }
            }
        }
        return null;
    }
}
