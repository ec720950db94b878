namespace Microsoft.ML.Gan;

/// <summary>One reference vector near a query, as <see cref="NearestNeighbours"/> finds it.</summary>
/// <param name="Index">The reference's row index (0-based, in the order the references were read).</param>
/// <param name="Distance">The Euclidean distance to the query.</param>
public sealed record Neighbour(int Index, double Distance);
