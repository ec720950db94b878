namespace Microsoft.ML.Gan;

/// <summary>
/// The rows of one data view grouped by their semantic hash: rows whose 128-bit keys are equal form a group (the
/// DCGAN paper's hash buckets, linear time). Every row belongs to a group, most to a group of their own; the first
/// row of a group is the one kept, the others are its duplicates.
/// </summary>
public sealed class DuplicateGroups
{
    private readonly UInt128[] _keys;
    private readonly uint[] _groupOfRow;
    private readonly bool[] _isDuplicate;

    private DuplicateGroups(UInt128[] keys, uint[] groupOfRow, bool[] isDuplicate, int groupCount, int[][] duplicates)
    {
        _keys = keys;
        _groupOfRow = groupOfRow;
        _isDuplicate = isDuplicate;
        GroupCount = groupCount;
        Duplicates = duplicates;
    }

    /// <summary>Number of rows grouped.</summary>
    public int RowCount => _keys.Length;

    /// <summary>Number of groups, counting the rows that have no duplicate as groups of one.</summary>
    public int GroupCount { get; }

    /// <summary>Rows that are a duplicate of an earlier row: <see cref="RowCount"/> − <see cref="GroupCount"/>.</summary>
    public int DuplicateCount => RowCount - GroupCount;

    /// <summary>
    /// The groups of two rows or more, largest first (ties: earlier first row first), each as its row indices (0-based,
    /// in cursor order) in ascending order.
    /// </summary>
    public IReadOnlyList<int[]> Duplicates { get; }

    /// <summary>Each row's semantic hash: bit j is set when code unit j is above the threshold.</summary>
    public IReadOnlyList<UInt128> Keys => _keys;

    /// <summary>Each row's group: 0-based, numbered in order of each group's first row.</summary>
    public IReadOnlyList<uint> GroupOfRow => _groupOfRow;

    /// <summary>Whether <paramref name="row"/> belongs to a group whose first row comes before it.</summary>
    /// <param name="row">A row index, 0-based in cursor order.</param>
    public bool IsDuplicate(int row) => _isDuplicate[row];

    /// <summary>Scores the groups against pairs known to be duplicates, such as those of <see cref="NearDuplicates.Plant"/>.</summary>
    /// <param name="knownPairs">The known pairs, as row indices of the grouped rows (each pair counted once).</param>
    /// <returns>Recall and precision over pairs of rows.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A pair names a row outside 0..<see cref="RowCount"/> − 1.</exception>
    public DuplicateDetectionScore Score(IReadOnlyCollection<DuplicatePair> knownPairs)
    {
        ArgumentNullException.ThrowIfNull(knownPairs);
        foreach (var pair in knownPairs)
        {
            if ((uint)pair.Original >= (uint)RowCount || (uint)pair.Copy >= (uint)RowCount)
            {
                throw new ArgumentOutOfRangeException(nameof(knownPairs), pair, $"Pairs must name rows from 0 to {RowCount - 1}.");
            }
        }
        var found = knownPairs.Count(pair => _groupOfRow[pair.Original] == _groupOfRow[pair.Copy]);
        var flagged = Duplicates.Sum(rows => (long)rows.Length * (rows.Length - 1) / 2);
        return new DuplicateDetectionScore(knownPairs.Count, found, flagged);
    }

    /// <summary>Groups rows by equal keys.</summary>
    /// <param name="keys">Each row's key, in cursor order.</param>
    internal static DuplicateGroups FromKeys(UInt128[] keys)
    {
        var groupOfKey = new Dictionary<UInt128, uint>();
        var groupOfRow = new uint[keys.Length];
        var isDuplicate = new bool[keys.Length];
        for (var row = 0; row < keys.Length; row++)
        {
            if (groupOfKey.TryGetValue(keys[row], out var group))
            {
                isDuplicate[row] = true;
            }
            else
            {
                group = (uint)groupOfKey.Count;
                groupOfKey.Add(keys[row], group);
            }
            groupOfRow[row] = group;
        }
        int[][] duplicates = [.. Enumerable.Range(0, keys.Length).GroupBy(row => groupOfRow[row])
            .Where(rows => rows.Skip(1).Any())
            .Select(rows => rows.ToArray())
            .OrderByDescending(rows => rows.Length).ThenBy(rows => rows[0])];
        return new DuplicateGroups(keys, groupOfRow, isDuplicate, groupOfKey.Count, duplicates);
    }
}
