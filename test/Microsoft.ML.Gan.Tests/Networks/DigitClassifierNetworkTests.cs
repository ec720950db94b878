using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Onnx;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Networks;

/// <summary>The digit classifier's layers as a Domain Transfer Network reads them.</summary>
[TestClass]
public sealed class DigitClassifierNetworkTests
{
    [TestMethod]
    public void LogitLayersShareTheNetworksWeightsGiveItsLogitsAndExport()
    {
        manual_seed(1);
        using var scope = NewDisposeScope();
        using var network = new DigitClassifierNetwork(new ImageShape(1, 28, 28), classCount: 10);
        network.eval();
        var logitLayers = network.LogitLayers();
        var images = rand(3, 1, 28, 28) * 2 - 1;

        using var noGrad = no_grad();
        var expected = network.forward(images);
        Assert.IsTrue(expected.allclose(logitLayers.forward(images), 0, 0), "the logit layers compute something else than the network");
        CollectionAssert.AreEqual(new long[] { 3, 10 }, logitLayers.forward(images).shape);
        network.Output.weight!.add_(1);
        Assert.IsFalse(expected.allclose(logitLayers.forward(images), 0, 0), "the logit layers hold a copy of the weights");
        SequentialOnnxExport.Check(logitLayers, 1, 1, 28, 28);
    }
}
