namespace Microsoft.ML.Gan.Onnx;

/// <summary>One operator in an ONNX graph (<c>NodeProto</c>), in the default domain.</summary>
/// <param name="OpType">The operator, e.g. <c>Conv</c>.</param>
/// <param name="Name">The node's unique name.</param>
/// <param name="Inputs">The input tensor names, in the operator's order.</param>
/// <param name="Outputs">The output tensor names.</param>
/// <param name="Attributes">The operator's attributes.</param>
internal sealed record OnnxNode(
    string OpType,
    string Name,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<OnnxAttribute> Attributes)
{
    /// <summary>Writes the node's fields as a <c>NodeProto</c>.</summary>
    /// <param name="writer">The writer positioned inside the node message.</param>
    public void WriteTo(ProtobufWriter writer)
    {
        foreach (string input in Inputs)
            writer.WriteString(1, input);
        foreach (string output in Outputs)
            writer.WriteString(2, output);
        writer.WriteString(3, Name);
        writer.WriteString(4, OpType);
        foreach (OnnxAttribute attribute in Attributes)
            writer.WriteMessage(5, attribute.WriteTo);
    }
}
