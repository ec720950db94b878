using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Tests.Training;

[TestClass]
public sealed class FeatureStandardisationTests
{
    private static readonly ImageShape Image = new(1, 2, 2);

    /// <summary>f reads 1×2×2 images and gives 3 features: the first two pixels scaled and shifted, and a constant.</summary>
    private static FrozenEncoder Encoder()
    {
        var linear = Linear(4, 3);
        using (no_grad())
        {
            linear.weight!.copy_(tensor(new float[] { 2, 0, 0, 0, 0, -3, 0, 0, 0, 0, 0, 0 }).reshape(3, 4));
            linear.bias!.copy_(tensor(new float[] { 5, -1, 7 }));
        }
        return new FrozenEncoder(Sequential(("flatten", Flatten()), ("linear", linear)), Image, "test");
    }

    [TestMethod]
    public void FeaturesOfTheMeasuredImagesHaveMeanZeroAndDeviationOneEachAndConstantsStayFinite()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var encoder = Encoder();
        var batches = Enumerable.Range(0, 3).Select(_ => rand(5, 1, 2, 2) * 2 - 1).ToList();
        var all = cat(batches.Select(b => b.clone()).ToList(), 0);

        using var standardisation = FeatureStandardisation.Measure(encoder, batches, 0.01, "test data");
        var standardised = standardisation.Apply(encoder.Encode(all));

        var mean = standardised.mean([0L]);
        var deviation = standardised.std(0, unbiased: false);
        Assert.IsLessThan(1e-4f, mean.abs().max().item<float>(), "the mean is not zero");
        Assert.IsLessThan(1e-3f, (deviation.narrow(0, 0, 2) - 1).abs().max().item<float>(), "the deviation of the varying features is not one");
        Assert.IsTrue(standardised.select(1, 2).isfinite().all().item<bool>(), "the constant feature is not finite");
        Assert.IsTrue(batches.All(b => b.IsInvalid), "the measured batches were not disposed");
    }

    [TestMethod]
    public void StandardisationIsTheAffineMapOfTheHandComputedStatistics()
    {
        using var scope = NewDisposeScope();
        using var encoder = Encoder();
        // First pixel 0 and 1: feature 0 is 2x + 5, so 5 and 7 (mean 6, deviation 1); second pixel 1 and -1: feature 1
        // is -3x - 1, so -4 and 2 (mean -1, deviation 3).
        var images = tensor(new float[] { 0, 1, 0, 0, 1, -1, 0, 0 }).reshape(2, 1, 2, 2);

        using var standardisation = FeatureStandardisation.Measure(encoder, [images.clone()], 0.01, "test data");
        var probe = tensor(new float[] { 9, 5, 7 }).reshape(1, 3);
        var result = standardisation.Apply(probe).data<float>().ToArray();

        Assert.AreEqual((9 - 6) / 1f, result[0], 1e-5f);
        Assert.AreEqual((5 - -1) / 3f, result[1], 1e-5f);
    }

    [TestMethod]
    public void DeviationsBelowTheFloorAreRaisedToItsShareOfTheMeanDeviation()
    {
        using var scope = NewDisposeScope();
        using var encoder = Encoder();
        // The statistics of the test above: deviations 1, 3 and 0 (the constant), mean 4/3; a floor of 0.75 of it is 1,
        // so feature 0 keeps its 1, and the constant is divided by 1 rather than blown up.
        var images = tensor(new float[] { 0, 1, 0, 0, 1, -1, 0, 0 }).reshape(2, 1, 2, 2);
        var floorOfOne = FeatureStandardisation.Measure(encoder, [images.clone()], 0.75, "test data");
        // A floor of 1.5 of the mean is 2: feature 0 is now divided by 2, feature 1 still by its own 3.
        var floorOfTwo = FeatureStandardisation.Measure(encoder, [images.clone()], 1.5, "test data");
        var probe = tensor(new float[] { 9, 5, 8 }).reshape(1, 3);

        var underOne = floorOfOne.Apply(probe).data<float>().ToArray();
        var underTwo = floorOfTwo.Apply(probe).data<float>().ToArray();

        Assert.AreEqual(3f, underOne[0], 1e-5f);
        Assert.AreEqual(1f, underOne[2], 1e-5f, "the constant 7 is not divided by the floor of 1");
        Assert.AreEqual(1.5f, underTwo[0], 1e-5f);
        Assert.AreEqual(2f, underTwo[1], 1e-5f);
        Assert.AreEqual(0.5f, underTwo[2], 1e-5f);
        floorOfOne.Dispose();
        floorOfTwo.Dispose();
    }

    [TestMethod]
    public void AGainMultipliesTheStandardisedDeparturesOfTheGainedFeaturesOnly()
    {
        using var scope = NewDisposeScope();
        using var encoder = Encoder();
        // The statistics of the tests above: feature 0 mean 6 and deviation 1, feature 1 mean -1 and deviation 3.
        var images = tensor(new float[] { 0, 1, 0, 0, 1, -1, 0, 0 }).reshape(2, 1, 2, 2);
        using var doubled = FeatureStandardisation.Measure(encoder, [images.clone()], 0.01, "test data", gain: 2, gainedFrom: 1);
        var probe = tensor(new float[] { 9, 5, 7 }).reshape(1, 3);

        var result = doubled.Apply(probe).data<float>().ToArray();

        Assert.AreEqual((9 - 6) / 1f, result[0], 1e-5f);
        Assert.AreEqual(2 * (5 - -1) / 3f, result[1], 1e-5f);
    }

    [TestMethod]
    public void FewerThanTwoImagesAreRefusedNamingTheDomain()
    {
        using var scope = NewDisposeScope();
        using var encoder = Encoder();
        var error = Assert.ThrowsExactly<ArgumentException>(() => FeatureStandardisation.Measure(encoder, [rand(1, 1, 2, 2)], 0.01, "target data"));
        StringAssert.Contains(error.Message, "target data");
    }
}
