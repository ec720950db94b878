namespace Microsoft.ML.Gan.Onnx;

/// <summary>A graph input or output (<c>ValueInfoProto</c>): a float tensor of a fixed shape.</summary>
/// <param name="Name">The tensor name.</param>
/// <param name="Dims">The fixed shape, batch dimension included.</param>
internal sealed record OnnxValueInfo(string Name, IReadOnlyList<long> Dims)
{
    /// <summary>Writes the fields as a <c>ValueInfoProto</c> whose type is a float tensor of shape <see cref="Dims"/>.</summary>
    /// <param name="writer">The writer positioned inside the value-info message.</param>
    public void WriteTo(ProtobufWriter writer)
    {
        writer.WriteString(1, Name);
        writer.WriteMessage(2, type => type.WriteMessage(1, tensorType =>
        {
            tensorType.WriteInt64(1, (long)OnnxDataType.Float);
            tensorType.WriteMessage(2, shape =>
            {
                foreach (long dim in Dims)
                    shape.WriteMessage(1, dimension => dimension.WriteInt64(1, dim));
            });
        }));
    }
}
