using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan;

/// <summary>
/// Exact k-nearest-neighbour search by Euclidean distance, streaming the references once (memory: the queries and k
/// neighbours each). The memorisation check: generated images next to their nearest training images, in pixel space
/// (the image columns) or in a feature space (e.g. the discriminator's <c>Features</c>).
/// </summary>
public static class NearestNeighbours
{
    /// <summary>The <paramref name="k"/> references nearest each query, nearest first (ties: lower index first).</summary>
    /// <param name="queries">The query vectors, all of one length.</param>
    /// <param name="references">The reference vectors, read once, of the queries' length.</param>
    /// <param name="k">Neighbours per query; fewer when there are fewer references.</param>
    /// <exception cref="ArgumentException">A reference has another length than the queries.</exception>
    public static Neighbour[][] Search(IReadOnlyList<float[]> queries, IEnumerable<float[]> references, int k)
    {
        var size = LatentMath.CheckSameSize(queries, nameof(queries));
        ArgumentNullException.ThrowIfNull(references);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        // Per query, a max-heap of the k best so far: the worst of them is dequeued first.
        var best = queries.Select(_ => new PriorityQueue<Neighbour, (double Distance, int Index)>(
            Comparer<(double Distance, int Index)>.Create((a, b) => b.CompareTo(a)))).ToArray();
        var index = 0;
        foreach (var reference in references)
        {
            if (reference?.Length != size)
            {
                throw new ArgumentException($"Reference {index} has {reference?.Length ?? 0} values; the queries have {size}.", nameof(references));
            }
            for (var q = 0; q < queries.Count; q++)
            {
                var distance = LatentMath.SquaredDistance(queries[q], reference);
                var heap = best[q];
                if (heap.Count < k)
                {
                    heap.Enqueue(new Neighbour(index, distance), (distance, index));
                }
                else if (heap.TryPeek(out _, out var worst) && (distance, index).CompareTo(worst) < 0)
                {
                    heap.DequeueEnqueue(new Neighbour(index, distance), (distance, index));
                }
            }
            index++;
        }
        return [.. best.Select(heap => heap.UnorderedItems.Select(item => item.Element)
            .OrderBy(n => n.Distance).ThenBy(n => n.Index).Select(n => n with { Distance = Math.Sqrt(n.Distance) }).ToArray())];
    }

    /// <summary>The <paramref name="k"/> rows of <paramref name="references"/> nearest each row of <paramref name="queries"/> in <paramref name="column"/>.</summary>
    /// <param name="queries">The query rows (read into memory).</param>
    /// <param name="references">The reference rows (streamed once).</param>
    /// <param name="column">A known-size Single vector column present in both, of the same size (pixels or features).</param>
    /// <param name="k">Neighbours per query.</param>
    public static Neighbour[][] Search(IDataView queries, IDataView references, string column, int k)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(references);
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        var size = VectorColumn.Check(queries.Schema, column, size: null, "the vectors to compare").Size;
        VectorColumn.Check(references.Schema, column, size, "the vectors to compare");
        return Search(VectorColumn.Read(queries, column).ToList(), VectorColumn.Read(references, column), k);
    }
}
