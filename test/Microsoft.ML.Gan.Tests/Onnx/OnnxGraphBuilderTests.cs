using Microsoft.ML.Gan.Onnx;
using Microsoft.ML.OnnxRuntime;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Onnx;

/// <summary>The builder's model header, naming and refusals.</summary>
[TestClass]
public sealed class OnnxGraphBuilderTests
{
    [TestMethod]
    public void ModelDeclaresIrVersion7AndOpset13()
    {
        var builder = new OnnxGraphBuilder();
        builder.Output(builder.Relu(builder.Input("x", 1, 2)), "y", 1, 2);
        byte[] model = builder.ToBytes();

        CollectionAssert.AreEqual(new byte[] { 0x08, 0x07 }, model[..2], "ir_version must be the first field, 7.");
        byte[] opset = [0x42, 0x04, 0x0A, 0x00, 0x10, 0x0D]; // field 8 { domain "", version 13 }
        CollectionAssert.AreEqual(opset, model[^opset.Length..]);

        using var session = new InferenceSession(model);
        CollectionAssert.AreEqual(new[] { 1, 2 }, session.InputMetadata["x"].Dimensions);
        CollectionAssert.AreEqual(new[] { 1, 2 }, session.OutputMetadata["y"].Dimensions);
    }

    [TestMethod]
    public void GeneratedNamesAreUniqueAcrossRepeatedOperations()
    {
        var builder = new OnnxGraphBuilder();
        string x = builder.Input("x", 1, 4);
        string[] names = [builder.Tanh(x), builder.Tanh(x), builder.Affine(x, 2, 1), builder.Affine(x, 2, 1)];
        Assert.HasCount(names.Length, names.Distinct());
        builder.Output(builder.Concat(1, names), "y", 1, 16);

        using var session = new InferenceSession(builder.ToBytes());
        Assert.HasCount(1, session.OutputMetadata);
    }

    [TestMethod]
    public void RefusesUnknownTensorsAndDuplicateNames()
    {
        var builder = new OnnxGraphBuilder();
        string x = builder.Input("x", 1, 4);
        Assert.ThrowsExactly<ArgumentException>(() => builder.Relu("nope"));
        Assert.ThrowsExactly<ArgumentException>(() => builder.Input(x, 1, 4));
        Assert.ThrowsExactly<InvalidOperationException>(() => builder.ToBytes());
    }

    [TestMethod]
    public void RefusesConvolutionsItCannotExpressExactly()
    {
        using var scope = NewDisposeScope();
        using var same = nn.Conv2d(2, 2, 3, padding: Padding.Same);
        using var dilated = nn.Conv2d(2, 2, 3, dilation: 2);
        using var grouped = nn.Conv2d(2, 2, 3, groups: 2);
        var builder = new OnnxGraphBuilder();
        string x = builder.Input("x", 1, 2, 8, 8);
        Assert.ThrowsExactly<NotSupportedException>(() => builder.Conv2d(x, same));
        Assert.ThrowsExactly<NotSupportedException>(() => builder.Conv2d(x, dilated));
        Assert.ThrowsExactly<NotSupportedException>(() => builder.Conv2d(x, grouped));
    }
}
