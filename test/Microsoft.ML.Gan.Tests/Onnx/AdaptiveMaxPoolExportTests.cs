using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Onnx;

/// <summary>
/// The exported adaptive max pool equals <c>adaptive_max_pool2d</c> exactly (tolerance 0: it only selects values),
/// including sizes that do not divide, where PyTorch's bins overlap.
/// </summary>
[TestClass]
public sealed class AdaptiveMaxPoolExportTests
{
    [TestMethod]
    [DataRow(14, 14, 4, 4)]
    [DataRow(7, 7, 4, 4)]
    [DataRow(28, 28, 4, 4)]
    [DataRow(16, 16, 4, 4)]
    [DataRow(4, 4, 4, 4)]
    [DataRow(14, 16, 4, 4)]
    [DataRow(5, 3, 2, 3)]
    public void MatchesTorchExactly(int inH, int inW, int outH, int outW)
    {
        manual_seed(7);
        using var scope = NewDisposeScope();
        OnnxParity.AssertParity(
            randn(1, 3, inH, inW),
            x => nn.functional.adaptive_max_pool2d(x, [outH, outW]),
            (b, x) => b.AdaptiveMaxPool2d(x, inH, inW, outH, outW),
            tolerance: 0f);
    }
}
