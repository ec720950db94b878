namespace Microsoft.ML.Gan.Onnx;

/// <summary>
/// What <see cref="OnnxModelReader"/> recovers of an ONNX model: who wrote it, the graph's name, its nodes (operator
/// and tensor names, attributes left out), its float constants by name and its declared inputs.
/// </summary>
/// <param name="ProducerName">The model's <c>producer_name</c>; <see cref="OnnxModelEncoder.ProducerName"/> for this library's graphs.</param>
/// <param name="GraphName">The graph's name.</param>
/// <param name="Nodes">The nodes in graph order, without attributes.</param>
/// <param name="FloatInitializers">The float constants by name.</param>
/// <param name="Inputs">The graph inputs with their fixed shapes.</param>
internal sealed record OnnxModelContents(
    string ProducerName,
    string GraphName,
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyDictionary<string, OnnxFloatTensor> FloatInitializers,
    IReadOnlyList<OnnxValueInfo> Inputs);
