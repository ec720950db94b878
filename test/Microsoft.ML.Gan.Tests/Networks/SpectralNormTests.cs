using Microsoft.ML.Gan.Networks;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Networks;

[TestClass]
public sealed class SpectralNormTests
{
    [TestMethod]
    [DataRow(new long[] { 7, 12 }, DisplayName = "linear weight")]
    [DataRow(new long[] { 6, 3, 4, 4 }, DisplayName = "convolution weight")]
    public void PowerIterationsBringTheTopSingularValueToOne(long[] shape)
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var weight = randn(shape) * 3;
        using var norm = new SpectralNorm(shape[0]);
        norm.train();
        Tensor normalised = weight;
        using (no_grad())
        {
            for (var i = 0; i < 500; i++)
            {
                normalised = norm.Normalize(weight);
            }
        }

        var top = linalg.svdvals(normalised.flatten(1))[0].item<float>();

        Assert.AreEqual(1.0, top, 1e-3, "W/σ has spectral norm 1");
        Assert.IsGreaterThan(2f, linalg.svdvals(weight.flatten(1))[0].item<float>(), "the raw weight's is far from 1");
    }

    [TestMethod]
    public void EvalModeKeepsTheVectorAndTrainingModeMovesIt()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var weight = randn(5, 8);
        using var norm = new SpectralNorm(5);
        var start = norm.Vector.clone();

        norm.eval();
        using (no_grad())
        {
            norm.Normalize(weight);
        }
        CollectionAssert.AreEqual(start.data<float>().ToArray(), norm.Vector.data<float>().ToArray());

        norm.train();
        using (no_grad())
        {
            norm.Normalize(weight);
        }
        CollectionAssert.AreNotEqual(start.data<float>().ToArray(), norm.Vector.data<float>().ToArray());
        Assert.AreEqual(1.0, norm.Vector.norm().item<float>(), 1e-5, "u stays a unit vector");
    }

    [TestMethod]
    public void TheVectorIsPartOfTheDiscriminatorsState()
    {
        var layout = MlpLayout.For(new Microsoft.ML.Gan.Data.ImageShape(1, 4, 4), 8, 8, 8);
        using var discriminator = new MlpDiscriminator(layout, spectralNormalization: true);

        Assert.HasCount(3, discriminator.named_buffers().Where(b => b.name.EndsWith(".u", StringComparison.Ordinal)));
    }
}
