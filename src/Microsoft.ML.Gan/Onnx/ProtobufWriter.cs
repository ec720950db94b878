using System.Buffers.Binary;
using System.Text;

namespace Microsoft.ML.Gan.Onnx;

/// <summary>
/// A minimal protocol-buffers encoder: just the wire types the ONNX messages need, so the library does not depend on
/// Google.Protobuf.
/// </summary>
internal sealed class ProtobufWriter
{
    /// <summary>The protobuf wire types used by this writer.</summary>
    internal enum WireType
    {
        /// <summary>Base-128 varint (int32, int64, enums, bool).</summary>
        Varint = 0,

        /// <summary>Length-prefixed bytes (strings, bytes, nested messages, packed repeated fields).</summary>
        LengthDelimited = 2,

        /// <summary>Four little-endian bytes (float, fixed32).</summary>
        Fixed32 = 5,
    }

    private readonly MemoryStream _stream = new();

    /// <summary>Writes an unsigned base-128 varint.</summary>
    /// <param name="value">The value; negative int64 values are written as their 64-bit two's complement.</param>
    public void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        _stream.WriteByte((byte)value);
    }

    /// <summary>Writes a field key: the field number and the wire type.</summary>
    /// <param name="fieldNumber">The field number, at least 1.</param>
    /// <param name="wireType">How the field's value is encoded.</param>
    public void WriteTag(int fieldNumber, WireType wireType)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fieldNumber, 1);
        WriteVarint(((ulong)(uint)fieldNumber << 3) | (uint)wireType);
    }

    /// <summary>Writes an int64 (or int32, enum) field as a varint.</summary>
    /// <param name="fieldNumber">The field number.</param>
    /// <param name="value">The value.</param>
    public void WriteInt64(int fieldNumber, long value)
    {
        WriteTag(fieldNumber, WireType.Varint);
        WriteVarint(unchecked((ulong)value));
    }

    /// <summary>Writes a float field as fixed32.</summary>
    /// <param name="fieldNumber">The field number.</param>
    /// <param name="value">The value.</param>
    public void WriteFloat(int fieldNumber, float value)
    {
        WriteTag(fieldNumber, WireType.Fixed32);
        Span<byte> bytes = stackalloc byte[sizeof(float)];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        _stream.Write(bytes);
    }

    /// <summary>Writes a bytes field: the length, then the bytes.</summary>
    /// <param name="fieldNumber">The field number.</param>
    /// <param name="value">The bytes.</param>
    public void WriteBytes(int fieldNumber, ReadOnlySpan<byte> value)
    {
        WriteTag(fieldNumber, WireType.LengthDelimited);
        WriteVarint((ulong)value.Length);
        _stream.Write(value);
    }

    /// <summary>Writes a string field as UTF-8 bytes.</summary>
    /// <param name="fieldNumber">The field number.</param>
    /// <param name="value">The string.</param>
    public void WriteString(int fieldNumber, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteBytes(fieldNumber, Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Writes a packed repeated int64 field; nothing is written when <paramref name="values"/> is empty.</summary>
    /// <param name="fieldNumber">The field number.</param>
    /// <param name="values">The values.</param>
    public void WritePackedInt64(int fieldNumber, ReadOnlySpan<long> values)
    {
        if (values.IsEmpty)
            return;
        var packed = new ProtobufWriter();
        foreach (long value in values)
            packed.WriteVarint(unchecked((ulong)value));
        WriteBytes(fieldNumber, packed.ToArray());
    }

    /// <summary>Writes a packed repeated float field; nothing is written when <paramref name="values"/> is empty.</summary>
    /// <param name="fieldNumber">The field number.</param>
    /// <param name="values">The values.</param>
    public void WritePackedFloat(int fieldNumber, ReadOnlySpan<float> values)
    {
        if (values.IsEmpty)
            return;
        var bytes = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        WriteBytes(fieldNumber, bytes);
    }

    /// <summary>Writes a nested message: it is encoded into its own buffer first, because its length comes first.</summary>
    /// <param name="fieldNumber">The field number.</param>
    /// <param name="writeMessage">Writes the nested message's fields.</param>
    public void WriteMessage(int fieldNumber, Action<ProtobufWriter> writeMessage)
    {
        ArgumentNullException.ThrowIfNull(writeMessage);
        var nested = new ProtobufWriter();
        writeMessage(nested);
        WriteBytes(fieldNumber, nested.ToArray());
    }

    /// <summary>Returns a copy of the bytes written so far.</summary>
    /// <returns>The encoded message.</returns>
    public byte[] ToArray() => _stream.ToArray();
}
