namespace Microsoft.ML.Gan.Onnx;

/// <summary>The ONNX <c>TensorProto.DataType</c> values this library writes.</summary>
internal enum OnnxDataType
{
    /// <summary>32-bit IEEE float.</summary>
    Float = 1,

    /// <summary>64-bit signed integer (shapes, slice bounds).</summary>
    Int64 = 7,
}
