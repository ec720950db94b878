using System.Buffers.Binary;

namespace Microsoft.ML.Gan.Onnx;

/// <summary>
/// Reads back the parts of an ONNX <c>ModelProto</c> that the library needs to rebuild a network from a saved model:
/// producer, graph name, nodes, float initializers (raw_data or float_data) and inputs. The field numbers are those
/// <see cref="OnnxModelEncoder"/> writes (onnx.proto3).
/// </summary>
internal static class OnnxModelReader
{
    /// <summary>Decodes <paramref name="model"/>; throws <see cref="InvalidDataException"/> when it is not an ONNX model.</summary>
    public static OnnxModelContents Read(ReadOnlySpan<byte> model)
    {
        string producer = string.Empty;
        OnnxModelContents? graph = null;
        var reader = new ProtobufReader(model);
        while (reader.NextField())
        {
            switch (reader.FieldNumber)
            {
                case 2 when reader.WireType == ProtobufWriter.WireType.LengthDelimited: producer = reader.ReadString(); break;
                case 7 when reader.WireType == ProtobufWriter.WireType.LengthDelimited: graph = ReadGraph(reader.ReadBytes()); break;
                default: reader.Skip(); break;
            }
        }
        return (graph ?? throw new InvalidDataException("The bytes hold no ONNX graph (ModelProto field 7).")) with { ProducerName = producer };
    }

    private static OnnxModelContents ReadGraph(ReadOnlySpan<byte> message)
    {
        var nodes = new List<OnnxNode>();
        var initializers = new Dictionary<string, OnnxFloatTensor>(StringComparer.Ordinal);
        var inputs = new List<OnnxValueInfo>();
        string name = string.Empty;
        var reader = new ProtobufReader(message);
        while (reader.NextField())
        {
            switch (reader.FieldNumber)
            {
                case 1: nodes.Add(ReadNode(reader.ReadBytes())); break;
                case 2: name = reader.ReadString(); break;
                case 5:
                    if (ReadFloatTensor(reader.ReadBytes()) is { } tensor)
                        initializers[tensor.Name] = tensor;
                    break;
                case 11: inputs.Add(ReadValueInfo(reader.ReadBytes())); break;
                default: reader.Skip(); break;
            }
        }
        return new OnnxModelContents(string.Empty, name, nodes, initializers, inputs);
    }

    private static OnnxNode ReadNode(ReadOnlySpan<byte> message)
    {
        var inputs = new List<string>();
        var outputs = new List<string>();
        string name = string.Empty, opType = string.Empty;
        var reader = new ProtobufReader(message);
        while (reader.NextField())
        {
            switch (reader.FieldNumber)
            {
                case 1: inputs.Add(reader.ReadString()); break;
                case 2: outputs.Add(reader.ReadString()); break;
                case 3: name = reader.ReadString(); break;
                case 4: opType = reader.ReadString(); break;
                default: reader.Skip(); break;
            }
        }
        return new OnnxNode(opType, name, inputs, outputs, []);
    }

    /// <summary>A float <c>TensorProto</c>, or null for other element types (shapes, bounds).</summary>
    private static OnnxFloatTensor? ReadFloatTensor(ReadOnlySpan<byte> message)
    {
        var dims = new List<long>();
        var floats = new List<float>();
        long dataType = 0;
        string name = string.Empty;
        byte[]? raw = null;
        var reader = new ProtobufReader(message);
        while (reader.NextField())
        {
            switch (reader.FieldNumber)
            {
                case 1: reader.ReadInt64s(dims); break;
                case 2: dataType = reader.ReadInt64(); break;
                case 4: reader.ReadFloats(floats); break;
                case 8: name = reader.ReadString(); break;
                case 9: raw = reader.ReadBytes().ToArray(); break;
                default: reader.Skip(); break;
            }
        }
        if (dataType != (long)OnnxDataType.Float)
            return null;
        float[] values = raw is null ? [.. floats] : FromRaw(raw, name);
        long expected = dims.Aggregate(1L, (product, dim) => product * dim);
        if (values.Length != expected)
            throw new InvalidDataException($"ONNX tensor '{name}' of shape [{string.Join(", ", dims)}] should hold {expected} values; found {values.Length}.");
        return new OnnxFloatTensor(name, [.. dims], values);
    }

    private static float[] FromRaw(byte[] raw, string name)
    {
        if (raw.Length % sizeof(float) != 0)
            throw new InvalidDataException($"ONNX tensor '{name}' has {raw.Length} raw bytes, not a multiple of 4.");
        var values = new float[raw.Length / sizeof(float)];
        for (int i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(raw.AsSpan(i * sizeof(float)));
        return values;
    }

    private static OnnxValueInfo ReadValueInfo(ReadOnlySpan<byte> message)
    {
        string name = string.Empty;
        long[] dims = [];
        var reader = new ProtobufReader(message);
        while (reader.NextField())
        {
            switch (reader.FieldNumber)
            {
                case 1: name = reader.ReadString(); break;
                case 2: dims = ReadTensorShape(reader.ReadBytes()); break;
                default: reader.Skip(); break;
            }
        }
        return new OnnxValueInfo(name, dims);
    }

    /// <summary>TypeProto → tensor_type (1) → shape (2) → dim (1) → dim_value (1); symbolic dimensions read as -1.</summary>
    private static long[] ReadTensorShape(ReadOnlySpan<byte> typeProto)
    {
        var dims = new List<long>();
        foreach (var tensorType in Fields(typeProto, 1))
            foreach (var shape in Fields(tensorType, 2))
                foreach (var dim in Fields(shape, 1))
                {
                    long value = -1;
                    var reader = new ProtobufReader(dim);
                    while (reader.NextField())
                    {
                        if (reader.FieldNumber == 1 && reader.WireType == ProtobufWriter.WireType.Varint)
                            value = reader.ReadInt64();
                        else
                            reader.Skip();
                    }
                    dims.Add(value);
                }
        return [.. dims];
    }

    /// <summary>The payloads of every length-delimited field <paramref name="fieldNumber"/> of a message.</summary>
    private static List<byte[]> Fields(ReadOnlySpan<byte> message, int fieldNumber)
    {
        var found = new List<byte[]>();
        var reader = new ProtobufReader(message);
        while (reader.NextField())
        {
            if (reader.FieldNumber == fieldNumber && reader.WireType == ProtobufWriter.WireType.LengthDelimited)
                found.Add(reader.ReadBytes().ToArray());
            else
                reader.Skip();
        }
        return found;
    }
}
