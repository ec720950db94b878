using System.Buffers.Binary;

namespace Microsoft.ML.Gan.Onnx;

/// <summary>A constant tensor (<c>TensorProto</c>) stored as little-endian raw data: weights, shapes, bounds.</summary>
internal sealed class OnnxTensor
{
    private readonly long[] _dims;
    private readonly byte[] _rawData;

    private OnnxTensor(string name, long[] dims, OnnxDataType dataType, byte[] rawData)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _dims = dims;
        DataType = dataType;
        _rawData = rawData;
    }

    /// <summary>Gets the tensor's name in the graph.</summary>
    public string Name { get; }

    /// <summary>Gets the element type.</summary>
    public OnnxDataType DataType { get; }

    /// <summary>Gets the shape; empty for a scalar.</summary>
    public IReadOnlyList<long> Dims => _dims;

    /// <summary>Creates a float tensor.</summary>
    /// <param name="name">The tensor name.</param>
    /// <param name="values">The values in row-major order.</param>
    /// <param name="dims">The shape; its product must equal the number of values.</param>
    /// <returns>The tensor.</returns>
    public static OnnxTensor FromFloats(string name, ReadOnlySpan<float> values, ReadOnlySpan<long> dims)
    {
        CheckCount(values.Length, dims);
        var raw = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), values[i]);
        return new OnnxTensor(name, dims.ToArray(), OnnxDataType.Float, raw);
    }

    /// <summary>Creates an int64 tensor.</summary>
    /// <param name="name">The tensor name.</param>
    /// <param name="values">The values in row-major order.</param>
    /// <param name="dims">The shape; its product must equal the number of values.</param>
    /// <returns>The tensor.</returns>
    public static OnnxTensor FromInt64s(string name, ReadOnlySpan<long> values, ReadOnlySpan<long> dims)
    {
        CheckCount(values.Length, dims);
        var raw = new byte[values.Length * sizeof(long)];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * sizeof(long)), values[i]);
        return new OnnxTensor(name, dims.ToArray(), OnnxDataType.Int64, raw);
    }

    /// <summary>Writes the tensor's fields as a <c>TensorProto</c>.</summary>
    /// <param name="writer">The writer positioned inside the tensor message.</param>
    public void WriteTo(ProtobufWriter writer)
    {
        writer.WritePackedInt64(1, _dims);
        writer.WriteInt64(2, (long)DataType);
        writer.WriteString(8, Name);
        writer.WriteBytes(9, _rawData);
    }

    private static void CheckCount(int count, ReadOnlySpan<long> dims)
    {
        long expected = 1;
        foreach (long dim in dims)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dim, nameof(dims));
            expected *= dim;
        }
        if (expected != count)
            throw new ArgumentException($"The shape [{string.Join(", ", dims.ToArray())}] holds {expected} values, but {count} were given.", nameof(dims));
    }
}
