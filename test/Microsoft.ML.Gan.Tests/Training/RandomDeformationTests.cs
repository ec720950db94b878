using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Training;

[TestClass]
public sealed class RandomDeformationTests
{
    [TestMethod]
    public void EveryImageIsDeformedItsOwnWayWithinTheInputsRange()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var one = rand(1, 1, 12, 12).mul(2).sub(1);
        var images = one.expand(6, 1, 12, 12).contiguous();

        var deformed = new RandomDeformation(1).Apply(images);

        CollectionAssert.AreEqual(images.shape, deformed.shape);
        Assert.IsLessThanOrEqualTo(one.max().item<float>() + 1e-5f, deformed.max().item<float>(), "bilinear resampling cannot leave the input's range");
        Assert.IsGreaterThanOrEqualTo(one.min().item<float>() - 1e-5f, deformed.min().item<float>());
        for (var i = 0; i < 6; i++)
        {
            Assert.IsGreaterThan(0.05f, deformed[i].sub(one[0]).abs().mean().item<float>(), $"image {i} was left as it was");
            for (var j = 0; j < i; j++)
            {
                Assert.IsGreaterThan(0.05f, deformed[i].sub(deformed[j]).abs().mean().item<float>(), $"images {j} and {i} were deformed alike");
            }
        }
    }

    [TestMethod]
    public void AnEvenBackgroundStaysEvenAndATinyStrengthChangesAlmostNothing()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var grey = full(4, 3, 10, 10, 0.3f);
        Assert.AreEqual(0f, new RandomDeformation(2).Apply(grey).sub(grey).abs().max().item<float>(), 1e-5f, "the border fill is the background itself");

        var images = rand(4, 3, 10, 10);
        Assert.IsLessThan(0.01f, new RandomDeformation(1e-4).Apply(images).sub(images).abs().max().item<float>());
    }

    [TestMethod]
    public void ClassifierOptionsRefuseANegativeOrNonFiniteDeformation()
    {
        var mlContext = new MLContext(seed: 1);
        foreach (var bad in new[] { -0.5, double.NaN, double.PositiveInfinity })
        {
            var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
                mlContext.Transforms.Gan.TrainDigitClassifier(new DigitClassifierOptions { Deformation = bad }));
            Assert.AreEqual(nameof(DigitClassifierOptions.Deformation), error.ParamName);
        }
    }
}
