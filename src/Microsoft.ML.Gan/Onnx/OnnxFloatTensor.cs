namespace Microsoft.ML.Gan.Onnx;

/// <summary>A float constant read back from an ONNX model: its name, shape and values in row-major order.</summary>
/// <param name="Name">The tensor's name in the graph.</param>
/// <param name="Dims">The shape; empty for a scalar.</param>
/// <param name="Values">The values in row-major order.</param>
internal sealed record OnnxFloatTensor(string Name, long[] Dims, float[] Values);
