using System.Buffers.Binary;
using System.Text;

namespace Microsoft.ML.Gan.Onnx;

/// <summary>
/// A minimal protocol-buffers decoder, the counterpart of <see cref="ProtobufWriter"/>: it walks the fields of one
/// message and hands out varints, fixed-size values and length-delimited payloads (strings, bytes, nested messages).
/// Malformed input throws <see cref="InvalidDataException"/>.
/// </summary>
internal ref struct ProtobufReader
{
    private readonly ReadOnlySpan<byte> _message;
    private int _position;

    /// <summary>Starts reading the fields of <paramref name="message"/>.</summary>
    public ProtobufReader(ReadOnlySpan<byte> message)
    {
        _message = message;
        _position = 0;
    }

    /// <summary>The field number of the field just read by <see cref="NextField"/>.</summary>
    public int FieldNumber { get; private set; }

    /// <summary>The wire type of the field just read by <see cref="NextField"/>.</summary>
    public ProtobufWriter.WireType WireType { get; private set; }

    /// <summary>Reads the next field key; false at the end of the message.</summary>
    public bool NextField()
    {
        if (_position >= _message.Length)
            return false;
        ulong key = ReadVarint();
        FieldNumber = (int)(key >> 3);
        WireType = (ProtobufWriter.WireType)(key & 7);
        if (FieldNumber < 1)
            throw new InvalidDataException($"Protobuf field number must be at least 1; found {FieldNumber} at byte {_position}.");
        return true;
    }

    /// <summary>Reads the current field's value as a varint (int32, int64, enum).</summary>
    public long ReadInt64()
    {
        Expect(ProtobufWriter.WireType.Varint);
        return unchecked((long)ReadVarint());
    }

    /// <summary>Reads the current field's value as a float (fixed32).</summary>
    public float ReadFloat()
    {
        Expect(ProtobufWriter.WireType.Fixed32);
        return BinaryPrimitives.ReadSingleLittleEndian(Take(sizeof(float)));
    }

    /// <summary>Reads the current length-delimited field: bytes, a string's UTF-8 or a nested message.</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        Expect(ProtobufWriter.WireType.LengthDelimited);
        ulong length = ReadVarint();
        if (length > (ulong)(_message.Length - _position))
            throw new InvalidDataException($"Protobuf field {FieldNumber} claims {length} bytes; only {_message.Length - _position} remain.");
        return Take((int)length);
    }

    /// <summary>Reads the current field as a UTF-8 string.</summary>
    public string ReadString() => Encoding.UTF8.GetString(ReadBytes());

    /// <summary>Reads a repeated int64 field, packed or not, adding its values to <paramref name="values"/>.</summary>
    public void ReadInt64s(List<long> values)
    {
        if (WireType == ProtobufWriter.WireType.Varint)
        {
            values.Add(ReadInt64());
            return;
        }
        var packed = new ProtobufReader(ReadBytes());
        while (packed._position < packed._message.Length)
            values.Add(unchecked((long)packed.ReadVarint()));
    }

    /// <summary>Reads a repeated float field, packed or not, adding its values to <paramref name="values"/>.</summary>
    public void ReadFloats(List<float> values)
    {
        if (WireType == ProtobufWriter.WireType.Fixed32)
        {
            values.Add(ReadFloat());
            return;
        }
        var packed = ReadBytes();
        if (packed.Length % sizeof(float) != 0)
            throw new InvalidDataException($"Packed floats of field {FieldNumber} take {packed.Length} bytes, not a multiple of 4.");
        for (int i = 0; i < packed.Length; i += sizeof(float))
            values.Add(BinaryPrimitives.ReadSingleLittleEndian(packed[i..]));
    }

    /// <summary>Skips the current field's value, whatever its wire type.</summary>
    public void Skip()
    {
        switch ((int)WireType)
        {
            case 0: ReadVarint(); break;
            case 1: Take(8); break;
            case 2: ReadBytes(); break;
            case 5: Take(4); break;
            default: throw new InvalidDataException($"Protobuf wire type {(int)WireType} of field {FieldNumber} is not supported.");
        }
    }

    private void Expect(ProtobufWriter.WireType wireType)
    {
        if (WireType != wireType)
            throw new InvalidDataException($"Protobuf field {FieldNumber} was expected as {wireType}; found wire type {(int)WireType}.");
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte next = Take(1)[0];
            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80)
                return value;
        }
        throw new InvalidDataException("Protobuf varint longer than 10 bytes.");
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _message.Length - _position)
            throw new InvalidDataException($"Protobuf message ends early: {count} bytes needed at byte {_position} of {_message.Length}.");
        var taken = _message.Slice(_position, count);
        _position += count;
        return taken;
    }
}
