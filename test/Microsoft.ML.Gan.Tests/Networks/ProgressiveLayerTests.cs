using Microsoft.ML.Gan.Networks.Progressive;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Networks;

/// <summary>The layers of the progressive GAN paper behave as it defines them.</summary>
[TestClass]
public sealed class ProgressiveLayerTests
{
    [TestMethod]
    public void EqualizedConvolutionStoresUnitNormalWeightsAndScalesThemByTheHeConstant()
    {
        manual_seed(1);
        using var convolution = new EqualizedConv2d(32, 64, 3);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        Assert.AreEqual(Math.Sqrt(2) / Math.Sqrt(32 * 9), convolution.Scale, 1e-12);
        Assert.AreEqual(1, convolution.StoredWeight.std().item<float>(), 0.05, "stored weights are N(0, 1)");
        Assert.AreEqual(0, convolution.Bias.abs().max().item<float>());
        var x = randn(2, 32, 5, 5);
        var expected = nn.functional.conv2d(x, convolution.StoredWeight * convolution.Scale, convolution.Bias, padding: [1, 1]);
        Assert.IsTrue(expected.allclose(convolution.forward(x), rtol: 1e-5, atol: 1e-6), "the forward pass uses weight × gain/√fan_in, 'same' padding");
    }

    [TestMethod]
    public void EqualizedLinearScalesByTheGainItIsGiven()
    {
        manual_seed(1);
        using var linear = new EqualizedLinear(16, 4, gain: 1);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        Assert.AreEqual(1 / 4.0, linear.Scale, 1e-12);
        var x = randn(3, 16);
        Assert.IsTrue(x.matmul(linear.StoredWeight.t()).mul(0.25).allclose(linear.forward(x), rtol: 1e-5, atol: 1e-6));
    }

    [TestMethod]
    public void PixelNormGivesEveryPixelAUnitRootMeanSquareOverChannels()
    {
        using var scope = NewDisposeScope();
        using var epsilon = PixelNorm.Epsilon.ToScalar();
        var x = tensor(new float[] { 3, 0, 4, 0 }, [1, 2, 1, 2]);   // pixel 0: (3, 4); pixel 1: (0, 0)
        var y = PixelNorm.Apply(x, epsilon);

        var expected = 3 / Math.Sqrt((9 + 16) / 2.0 + 1e-8);
        Assert.AreEqual(expected, y[0, 0, 0, 0].item<float>(), 1e-6);
        Assert.AreEqual(4 / Math.Sqrt(12.5 + 1e-8), y[0, 1, 0, 0].item<float>(), 1e-6);
        Assert.AreEqual(0, y[0, 0, 0, 1].item<float>(), "a zero vector stays zero (ε keeps it finite)");
        var random = PixelNorm.Apply(randn(4, 8, 3, 3) * 7, epsilon);
        Assert.IsTrue(random.square().mean([1]).allclose(ones(4, 3, 3), rtol: 1e-4, atol: 1e-5));
    }

    [TestMethod]
    public void MinibatchStandardDeviationAppendsTheGroupsMeanDeviation()
    {
        using var scope = NewDisposeScope();
        using var epsilon = MinibatchStandardDeviation.Epsilon.ToScalar();
        // 8 images, 2 groups of 4: image n is in group n mod 2. Group 0 (images 0, 2, 4, 6) holds 0, 2, 4, 6 everywhere.
        var x = arange(8, dtype: float32).reshape(8, 1, 1, 1).expand(8, 2, 4, 4).contiguous();
        var y = MinibatchStandardDeviation.Append(x, epsilon);

        CollectionAssert.AreEqual(new long[] { 8, 3, 4, 4 }, y.shape);
        var deviation = Math.Sqrt(new[] { 0.0, 2, 4, 6 }.Select(v => (v - 3) * (v - 3)).Average() + 1e-8);
        for (var n = 0; n < 8; n++)
        {
            Assert.AreEqual(deviation, y[n, 2].mean().item<float>(), 1e-5, $"image {n}: population std of its group, every pixel");
        }
        Assert.IsTrue(y.narrow(1, 0, 2).allclose(x), "the input features pass unchanged");
        Assert.AreEqual(Math.Sqrt(1e-8), MinibatchStandardDeviation.Append(x.narrow(0, 0, 1), epsilon)[0, 2, 0, 0].item<float>(), 1e-9,
            "one image: a group of one, √ε");
        Assert.AreEqual(3, MinibatchStandardDeviation.Group(6), "group size divides the batch");
    }
}
