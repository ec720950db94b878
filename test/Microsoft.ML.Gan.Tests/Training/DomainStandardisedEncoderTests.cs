using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Tests.Training;

[TestClass]
public sealed class DomainStandardisedEncoderTests
{
    private static readonly ImageShape Image = new(1, 2, 2);

    /// <summary>f reads 1×2×2 images and gives 3 features: the first two pixels scaled and shifted, and a constant.</summary>
    private static FrozenEncoder LinearEncoder()
    {
        var linear = Linear(4, 3);
        using (no_grad())
        {
            linear.weight!.copy_(tensor(new float[] { 2, 0, 0, 0, 0, -3, 0, 0, 0, 0, 0, 0 }).reshape(3, 4));
            linear.bias!.copy_(tensor(new float[] { 5, -1, 7 }));
        }
        return new FrozenEncoder(Sequential(("flatten", Flatten()), ("linear", linear)), Image, "test");
    }

    /// <summary>Fresh copies of <paramref name="batches"/> on every enumeration, as a reader gives them (the encoder disposes what it reads).</summary>
    private static IEnumerable<Tensor> Copies(IReadOnlyList<Tensor> batches) => batches.Select(batch => batch.clone());

    [TestMethod]
    public void FeaturesOfTheMeasuredImagesHaveMeanZeroAndDeviationOneEachAndConstantsStayFinite()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var encoder = LinearEncoder();
        var batches = Enumerable.Range(0, 3).Select(_ => rand(5, 1, 2, 2) * 2 - 1).ToList();

        using var standardised = DomainStandardisedEncoder.Measure(encoder, Copies(batches), "test data");
        var features = standardised.Encode(cat(batches, 0));

        Assert.IsLessThan(1e-4f, features.mean([0L]).abs().max().item<float>(), "the mean is not zero");
        var deviation = features.std(0, unbiased: false);
        Assert.IsLessThan(1e-3f, (deviation.narrow(0, 0, 2) - 1).abs().max().item<float>(), "the deviation of the varying features is not one");
        Assert.IsTrue(features.select(1, 2).isfinite().all().item<bool>(), "the constant feature is not finite");
    }

    [TestMethod]
    public void StandardisationIsTheAffineMapOfTheHandComputedStatistics()
    {
        using var scope = NewDisposeScope();
        using var encoder = LinearEncoder();
        // First pixel 0 and 1: feature 0 is 2x + 5, so 5 and 7 (mean 6, deviation 1); second pixel 1 and -1: feature 1
        // is -3x - 1, so -4 and 2 (mean -1, deviation 3).
        var images = tensor(new float[] { 0, 1, 0, 0, 1, -1, 0, 0 }).reshape(2, 1, 2, 2);
        var probe = tensor(new float[] { 2, 0, 0, 0 }).reshape(1, 1, 2, 2);   // features 9, -1, 7

        using var standardised = DomainStandardisedEncoder.Measure(encoder, Copies([images]), "test data");
        var result = standardised.Encode(probe).data<float>().ToArray();

        Assert.AreEqual((9 - 6) / 1f, result[0], 1e-5f);
        Assert.AreEqual((-1 - -1) / 3f, result[1], 1e-5f);
    }

    [TestMethod]
    public void EveryActivationIsStandardisedBeforeTheNextLayerReadsIt()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var first = Linear(4, 3);
        var second = Linear(3, 2);
        using var encoder = new FrozenEncoder(Sequential(("flatten", Flatten()), ("first", first), ("relu", ReLU()), ("second", second)), Image, "test");
        var images = rand(40, 1, 2, 2) * 2 - 1;

        using var standardised = DomainStandardisedEncoder.Measure(encoder, Copies([images]), "test data");

        using var noGrad = no_grad();
        static Tensor Standardise(Tensor x) => (x - x.mean([0L])) / x.std(0, unbiased: false);
        var expected = Standardise(second.forward(Standardise(functional.relu(first.forward(images.flatten(1))))));
        var difference = (standardised.Encode(images) - expected).abs().max().item<float>();
        Assert.IsLessThan(1e-4f, difference, $"max difference {difference} from the layer-by-layer hand computation");
    }

    [TestMethod]
    public void FewerThanTwoImagesAreRefusedNamingTheDomain()
    {
        using var scope = NewDisposeScope();
        using var encoder = LinearEncoder();
        var error = Assert.ThrowsExactly<ArgumentException>(() => DomainStandardisedEncoder.Measure(encoder, Copies([rand(1, 1, 2, 2)]), "target data"));
        StringAssert.Contains(error.Message, "target data");
    }
}
