namespace Microsoft.ML.Gan.Deduplication;

/// <summary>
/// Disjoint sets of rows (union–find with path halving), each set represented by its smallest row: that row is the
/// first of its group in cursor order, the one kept.
/// </summary>
internal sealed class RowUnion
{
    private readonly int[] _parent;

    /// <summary>Puts each of <paramref name="rowCount"/> rows in a set of its own.</summary>
    public RowUnion(int rowCount) => _parent = [.. Enumerable.Range(0, rowCount)];

    /// <summary>The smallest row of <paramref name="row"/>'s set.</summary>
    public int First(int row)
    {
        while (_parent[row] != row)
        {
            _parent[row] = _parent[_parent[row]];
            row = _parent[row];
        }
        return row;
    }

    /// <summary>Merges the sets of rows <paramref name="a"/> and <paramref name="b"/>.</summary>
    public void Join(int a, int b)
    {
        var (first, second) = (First(a), First(b));
        if (first != second)
        {
            _parent[Math.Max(first, second)] = Math.Min(first, second);
        }
    }
}
