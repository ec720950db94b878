namespace Microsoft.ML.Gan.Onnx;

/// <summary>A change to one hidden layer of an exported generator graph: feature maps set to zero.</summary>
/// <param name="Layer">The hidden layer (0-based, latent side first).</param>
/// <param name="DroppedMaps">The channels (feature maps) multiplied by 0; the others by 1.</param>
internal sealed record GeneratorLayerEdit(int Layer, IReadOnlySet<int> DroppedMaps);
