namespace Microsoft.ML.Gan.Onnx;

/// <summary>An ONNX node attribute (<c>AttributeProto</c>) of one of the kinds this library writes.</summary>
internal sealed class OnnxAttribute
{
    // AttributeProto.AttributeType values.
    private const int FloatType = 1;
    private const int IntType = 2;
    private const int StringType = 3;
    private const int FloatsType = 6;
    private const int IntsType = 7;

    private readonly int _type;
    private readonly float _float;
    private readonly long _int;
    private readonly string? _string;
    private readonly float[] _floats;
    private readonly long[] _ints;

    private OnnxAttribute(string name, int type, float f = 0, long i = 0, string? s = null, float[]? floats = null, long[]? ints = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _type = type;
        _float = f;
        _int = i;
        _string = s;
        _floats = floats ?? [];
        _ints = ints ?? [];
    }

    /// <summary>Gets the attribute's name, e.g. <c>strides</c>.</summary>
    public string Name { get; }

    /// <summary>Creates a single float attribute.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The attribute.</returns>
    public static OnnxAttribute Float(string name, float value) => new(name, FloatType, f: value);

    /// <summary>Creates a single integer attribute.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The attribute.</returns>
    public static OnnxAttribute Int(string name, long value) => new(name, IntType, i: value);

    /// <summary>Creates a string attribute.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The value, written as UTF-8.</param>
    /// <returns>The attribute.</returns>
    public static OnnxAttribute String(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(name, StringType, s: value);
    }

    /// <summary>Creates a float list attribute.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="values">The values.</param>
    /// <returns>The attribute.</returns>
    public static OnnxAttribute Floats(string name, params float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(name, FloatsType, floats: [.. values]);
    }

    /// <summary>Creates an integer list attribute.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="values">The values.</param>
    /// <returns>The attribute.</returns>
    public static OnnxAttribute Ints(string name, params long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(name, IntsType, ints: [.. values]);
    }

    /// <summary>Writes the attribute's fields as an <c>AttributeProto</c>.</summary>
    /// <param name="writer">The writer positioned inside the attribute message.</param>
    public void WriteTo(ProtobufWriter writer)
    {
        writer.WriteString(1, Name);
        switch (_type)
        {
            case FloatType: writer.WriteFloat(2, _float); break;
            case IntType: writer.WriteInt64(3, _int); break;
            case StringType: writer.WriteString(4, _string!); break;
            case FloatsType: writer.WritePackedFloat(7, _floats); break;
            case IntsType: writer.WritePackedInt64(8, _ints); break;
        }
        writer.WriteInt64(20, _type);
    }
}
