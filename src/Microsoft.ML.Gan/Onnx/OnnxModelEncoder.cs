namespace Microsoft.ML.Gan.Onnx;

/// <summary>Encodes a graph as an ONNX <c>ModelProto</c>: IR version 7, default-domain opset 13.</summary>
internal static class OnnxModelEncoder
{
    /// <summary>The ONNX IR version written; 7 is what opset 13 was released with and every ONNX Runtime reads it.</summary>
    public const long IrVersion = 7;

    /// <summary>The default-domain opset written.</summary>
    public const long OpsetVersion = 13;

    /// <summary>The <c>producer_name</c> written into every model.</summary>
    public const string ProducerName = "Microsoft.ML.Gan";

    /// <summary>Encodes a model.</summary>
    /// <param name="graphName">The graph's name.</param>
    /// <param name="nodes">The nodes, in topological order.</param>
    /// <param name="initializers">The constant tensors.</param>
    /// <param name="inputs">The graph inputs.</param>
    /// <param name="outputs">The graph outputs.</param>
    /// <returns>The <c>ModelProto</c> bytes.</returns>
    public static byte[] Encode(
        string graphName,
        IEnumerable<OnnxNode> nodes,
        IEnumerable<OnnxTensor> initializers,
        IEnumerable<OnnxValueInfo> inputs,
        IEnumerable<OnnxValueInfo> outputs)
    {
        var model = new ProtobufWriter();
        model.WriteInt64(1, IrVersion);
        model.WriteString(2, ProducerName);
        model.WriteMessage(7, graph =>
        {
            foreach (OnnxNode node in nodes)
                graph.WriteMessage(1, node.WriteTo);
            graph.WriteString(2, graphName);
            foreach (OnnxTensor initializer in initializers)
                graph.WriteMessage(5, initializer.WriteTo);
            foreach (OnnxValueInfo input in inputs)
                graph.WriteMessage(11, input.WriteTo);
            foreach (OnnxValueInfo output in outputs)
                graph.WriteMessage(12, output.WriteTo);
        });
        model.WriteMessage(8, opset =>
        {
            opset.WriteString(1, string.Empty);
            opset.WriteInt64(2, OpsetVersion);
        });
        return model.ToArray();
    }
}
