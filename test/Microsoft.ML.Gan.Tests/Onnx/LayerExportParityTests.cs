using Microsoft.ML.Gan.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Onnx;

/// <summary>
/// Parity of each exported layer with TorchSharp in eval mode: seeded random weights and inputs, ONNX Runtime output
/// within 1e-5 (max abs) of TorchSharp's.
/// </summary>
[TestClass]
public sealed class LayerExportParityTests
{
    private const float Tolerance = 1e-5f;

    [TestInitialize]
    public void Seed() => torch.manual_seed(1234);

    [TestMethod]
    [DataRow(2, 1, DisplayName = "stride 2, padding 1")]
    [DataRow(1, 0, DisplayName = "stride 1, padding 0")]
    public void Conv2dMatches(int stride, int padding)
    {
        using var scope = NewDisposeScope();
        using var conv = nn.Conv2d(3, 5, 4, stride: stride, padding: padding);
        conv.eval();
        OnnxParity.AssertParity(randn(1, 3, 12, 12), conv.forward, (b, x) => b.Conv2d(x, conv), Tolerance);
    }

    [TestMethod]
    public void Conv2dFromExplicitWeightsWithoutBiasMatches()
    {
        using var scope = NewDisposeScope();
        Tensor weight = randn(4, 2, 3, 3);
        OnnxParity.AssertParity(
            randn(1, 2, 9, 9),
            x => nn.functional.conv2d(x, weight, strides: [2, 2], padding: [1, 1]),
            (b, x) => b.Conv2d(x, weight, null, stride: 2, padding: 1),
            Tolerance);
    }

    [TestMethod]
    public void ConvTranspose2dK4S2P1Matches()
    {
        using var scope = NewDisposeScope();
        using var deconv = nn.ConvTranspose2d(6, 3, 4, stride: 2, padding: 1);
        deconv.eval();
        OnnxParity.AssertParity(randn(1, 6, 7, 7), deconv.forward, (b, x) => b.ConvTranspose2d(x, deconv), Tolerance);
    }

    [TestMethod]
    public void ConvTranspose2dK7S1P0From1x1Matches()
    {
        using var scope = NewDisposeScope();
        using var deconv = nn.ConvTranspose2d(8, 4, 7, stride: 1, padding: 0);
        deconv.eval();
        OnnxParity.AssertParity(randn(1, 8, 1, 1), deconv.forward, (b, x) => b.ConvTranspose2d(x, deconv), Tolerance);
    }

    [TestMethod]
    public void ConvTranspose2dWithOutputPaddingMatches()
    {
        using var scope = NewDisposeScope();
        using var deconv = nn.ConvTranspose2d(3, 2, 3, stride: 2, padding: 1, output_padding: 1);
        deconv.eval();
        OnnxParity.AssertParity(randn(1, 3, 5, 5), deconv.forward, (b, x) => b.ConvTranspose2d(x, deconv), Tolerance);
    }

    [TestMethod]
    public void BatchNorm2dUsesRunningStatistics()
    {
        using var scope = NewDisposeScope();
        using var norm = nn.BatchNorm2d(4, eps: 1e-3);
        using (no_grad())
        {
            norm.running_mean!.copy_(randn(4));
            norm.running_var!.copy_(rand(4) + 0.5);
            norm.weight!.copy_(randn(4));
            norm.bias!.copy_(randn(4));
        }
        norm.eval();
        OnnxParity.AssertParity(randn(1, 4, 5, 5), norm.forward, (b, x) => b.BatchNorm2d(x, norm), Tolerance);
    }

    [TestMethod]
    public void BatchNorm2dWithoutAffineMatches()
    {
        using var scope = NewDisposeScope();
        using var norm = nn.BatchNorm2d(3, affine: false);
        using (no_grad())
        {
            norm.running_mean!.copy_(randn(3));
            norm.running_var!.copy_(rand(3) + 0.5);
        }
        norm.eval();
        OnnxParity.AssertParity(randn(1, 3, 4, 4), norm.forward, (b, x) => b.BatchNorm2d(x, norm), Tolerance);
    }

    [TestMethod]
    public void BatchNorm1dOnFeaturesUsesRunningStatistics()
    {
        using var scope = NewDisposeScope();
        using var norm = nn.BatchNorm1d(6, eps: 1e-3);
        using (no_grad())
        {
            norm.running_mean!.copy_(randn(6));
            norm.running_var!.copy_(rand(6) + 0.5);
            norm.weight!.copy_(randn(6));
            norm.bias!.copy_(randn(6));
        }
        norm.eval();
        OnnxParity.AssertParity(randn(1, 6), norm.forward, (b, x) => b.BatchNorm1d(x, norm), Tolerance);
    }

    [TestMethod]
    public void LinearMatches()
    {
        using var scope = NewDisposeScope();
        using var linear = nn.Linear(10, 7);
        linear.eval();
        OnnxParity.AssertParity(randn(1, 10), linear.forward, (b, x) => b.Linear(x, linear), Tolerance);
    }

    [TestMethod]
    public void ActivationsMatch()
    {
        using var scope = NewDisposeScope();
        Tensor input = randn(1, 3, 4, 4) * 3;
        OnnxParity.AssertParity(input, x => nn.functional.relu(x), (b, x) => b.Relu(x), Tolerance);
        OnnxParity.AssertParity(input, x => nn.functional.leaky_relu(x, 0.2), (b, x) => b.LeakyRelu(x, 0.2f), Tolerance);
        OnnxParity.AssertParity(input, torch.tanh, (b, x) => b.Tanh(x), Tolerance);
        OnnxParity.AssertParity(input, torch.sigmoid, (b, x) => b.Sigmoid(x), Tolerance);
    }

    [TestMethod]
    public void SoftmaxAndMaxPoolMatch()
    {
        using var scope = NewDisposeScope();
        OnnxParity.AssertParity(randn(1, 10) * 4, x => nn.functional.softmax(x, -1), (b, x) => b.Softmax(x), Tolerance);
        OnnxParity.AssertParity(randn(1, 3, 7, 7), x => nn.functional.max_pool2d(x, 2), (b, x) => b.MaxPool2d(x, 2), Tolerance);
    }

    [TestMethod]
    public void ClipAndAffineMatch()
    {
        using var scope = NewDisposeScope();
        Tensor input = randn(1, 2, 3, 3) * 200;
        OnnxParity.AssertParity(input, x => x.clamp(0, 255), (b, x) => b.Clip(x, 0, 255), Tolerance);
        OnnxParity.AssertParity(input, x => x * (2.0 / 255) - 1, (b, x) => b.Affine(x, 2f / 255, -1f), Tolerance);
    }

    [TestMethod]
    public void ReshapeFlattenAndConcatMatch()
    {
        using var scope = NewDisposeScope();
        Tensor input = randn(1, 2, 3, 4);
        OnnxParity.AssertParity(input, x => x.reshape(1, 6, 4), (b, x) => b.Reshape(x, 1, 6, 4), Tolerance);
        OnnxParity.AssertParity(input, x => x.flatten(1), (b, x) => b.Flatten(x), Tolerance);
        OnnxParity.AssertParity(
            input,
            x => cat([x.flatten(1), x.tanh().flatten(1)], 1),
            (b, x) => b.Concat(1, b.Flatten(x), b.Flatten(b.Tanh(x))),
            Tolerance);
    }
}
