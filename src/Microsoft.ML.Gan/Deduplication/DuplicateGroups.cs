using Microsoft.ML.Gan.Deduplication;

namespace Microsoft.ML.Gan;

/// <summary>
/// The rows of one data view grouped by their semantic hash: rows whose 128-bit keys are equal form a group (the
/// DCGAN paper's hash buckets, linear time), optionally widened to near keys and shifted copies
/// (<see cref="DeduplicationOptions.MaxHammingDistance"/>, <see cref="DeduplicationOptions.ShiftTolerance"/>). Every
/// row belongs to a group, most to a group of their own; the first row of a group is the one kept, the others are its
/// duplicates.
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

    /// <summary>
    /// Groups rows whose keys match: equal keys (the paper's buckets), or, when asked, keys within
    /// <paramref name="maxHammingDistance"/> bits, or a key equal (or near) to one of another row's shifted keys.
    /// Matches are transitive: a group is a connected set of matching rows.
    /// </summary>
    /// <param name="keys">Each row's key, in cursor order.</param>
    /// <param name="shiftedKeys">Each row's keys of its shifted copies, or null for none.</param>
    /// <param name="maxHammingDistance">Bits in which two matching keys may differ: 0, 1 or 2.</param>
    internal static DuplicateGroups FromKeys(UInt128[] keys, UInt128[][]? shiftedKeys, int maxHammingDistance)
    {
        var firstRowOfKey = new Dictionary<UInt128, int>();
        var union = new RowUnion(keys.Length);
        for (var row = 0; row < keys.Length; row++)
        {
            if (!firstRowOfKey.TryAdd(keys[row], row))
            {
                union.Join(row, firstRowOfKey[keys[row]]);
            }
        }
        if (maxHammingDistance > 0 || shiftedKeys is not null)
        {
            for (var row = 0; row < keys.Length; row++)
            {
                var probes = shiftedKeys?[row].Prepend(keys[row]) ?? [keys[row]];
                foreach (var probe in probes.SelectMany(key => HashProbes.WithinHammingDistance(key, maxHammingDistance)))
                {
                    if (firstRowOfKey.TryGetValue(probe, out var other))
                    {
                        union.Join(row, other);
                    }
                }
            }
        }

        var groupOfFirstRow = new Dictionary<int, uint>();
        var groupOfRow = new uint[keys.Length];
        var isDuplicate = new bool[keys.Length];
        for (var row = 0; row < keys.Length; row++)
        {
            var first = union.First(row);
            isDuplicate[row] = first != row;
            if (!isDuplicate[row])
            {
                groupOfFirstRow.Add(row, (uint)groupOfFirstRow.Count);
            }
            groupOfRow[row] = groupOfFirstRow[first];
        }
        int[][] duplicates = [.. Enumerable.Range(0, keys.Length).GroupBy(row => groupOfRow[row])
            .Where(rows => rows.Skip(1).Any())
            .Select(rows => rows.ToArray())
            .OrderByDescending(rows => rows.Length).ThenBy(rows => rows[0])];
        return new DuplicateGroups(keys, groupOfRow, isDuplicate, groupOfFirstRow.Count, duplicates);
    }
}
