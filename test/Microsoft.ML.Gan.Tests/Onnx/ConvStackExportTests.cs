using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Onnx;

/// <summary>Whole small networks exported layer by layer agree with TorchSharp in eval mode.</summary>
[TestClass]
public sealed class ConvStackExportTests
{
    [TestMethod]
    public void GeneratorStackMatchesWithin1e4OnPixelScale()
    {
        torch.manual_seed(42);
        using var scope = NewDisposeScope();
        using var generator = new TinyGenerator();
        generator.WarmUpStatistics();

        // Outputs are on the 0..255 scale: 1e-4 there is about 8e-7 on the network's [-1, 1] scale.
        OnnxParity.AssertParity(randn(1, TinyGenerator.LatentSize), generator.forward, generator.Export, tolerance: 1e-4f);
    }

    [TestMethod]
    public void DiscriminatorStackMatchesWithin1e5()
    {
        torch.manual_seed(43);
        using var scope = NewDisposeScope();
        using var conv1 = nn.Conv2d(1, 4, 4, stride: 2, padding: 1);
        using var conv2 = nn.Conv2d(4, 8, 4, stride: 2, padding: 1, bias: false);
        using var norm = nn.BatchNorm2d(8);
        using var head = nn.Linear(8 * 4 * 4, 1);
        using (no_grad())
        {
            norm.running_mean!.copy_(randn(8) * 0.1);
            norm.running_var!.copy_(rand(8) + 0.5);
        }
        norm.eval();

        OnnxParity.AssertParity(
            rand(1, 1, 16, 16) * 255,
            pixels =>
            {
                Tensor x = nn.functional.leaky_relu(conv1.forward(pixels / 127.5 - 1), 0.2);
                x = nn.functional.leaky_relu(norm.forward(conv2.forward(x)), 0.2);
                return head.forward(x.flatten(1));
            },
            (b, pixels) =>
            {
                string x = b.LeakyRelu(b.Conv2d(b.Affine(pixels, 1f / 127.5f, -1f), conv1), 0.2f);
                x = b.LeakyRelu(b.BatchNorm2d(b.Conv2d(x, conv2), norm), 0.2f);
                return b.Linear(b.Flatten(x), head);
            },
            tolerance: 1e-5f);
    }
}
