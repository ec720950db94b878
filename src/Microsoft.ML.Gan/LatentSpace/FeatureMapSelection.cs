namespace Microsoft.ML.Gan;

/// <summary>
/// The feature maps of a generator layer that draw an object, as <see cref="GeneratorFeatureMaps.SelectMaps"/> found
/// them: a logistic regression on the layer's activations at positions inside versus outside the object; the maps
/// with positive weight are the ones to drop.
/// </summary>
/// <param name="Layer">The hidden layer.</param>
/// <param name="Weights">The regression weight of every map.</param>
/// <param name="DroppedMaps">The maps with positive weight, ascending.</param>
/// <param name="InsidePositions">Training positions inside the object.</param>
/// <param name="OutsidePositions">Training positions outside it.</param>
public sealed record FeatureMapSelection(int Layer, IReadOnlyList<float> Weights, IReadOnlyList<int> DroppedMaps, int InsidePositions, int OutsidePositions);
