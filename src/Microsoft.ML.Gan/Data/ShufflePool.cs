using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Data;

/// <summary>
/// A bounded shuffle buffer (as in tf.data): rows enter, and once it is full each new row pushes out a random
/// earlier one. Memory is capacity × row size, whatever the number of rows.
/// </summary>
internal sealed class ShufflePool
{
    private readonly float[] _rows;
    private readonly int _rowSize;
    private readonly int _capacity;
    private Random _random = new(0);
    private int _count;

    /// <summary>Creates an empty pool.</summary>
    /// <param name="rowSize">Number of values in one row.</param>
    /// <param name="capacity">Number of rows the pool holds.</param>
    public ShufflePool(int rowSize, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _rowSize = rowSize;
        _capacity = capacity;
        _rows = new float[checked(rowSize * capacity)];
    }

    /// <summary>Empties the pool and sets the random source of the next pass.</summary>
    /// <param name="random">Chooses which rows leave the pool.</param>
    public void Reset(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _random = random;
        _count = 0;
    }

    /// <summary>Adds a row; once the pool is full, a random row leaves it into <paramref name="evicted"/>.</summary>
    /// <param name="row">The incoming row (dense or sparse).</param>
    /// <param name="evicted">Receives the row that left, when one did.</param>
    /// <returns>Whether a row left the pool into <paramref name="evicted"/>.</returns>
    public bool Add(in VBuffer<float> row, Span<float> evicted)
    {
        if (_count < _capacity)
        {
            row.CopyTo(Slot(_count++));
            return false;
        }
        var slot = Slot(_random.Next(_capacity));
        slot.CopyTo(evicted);
        row.CopyTo(slot);
        return true;
    }

    /// <summary>Takes a random remaining row out of the pool, to drain it at the end of a pass.</summary>
    /// <param name="destination">Receives the row.</param>
    /// <returns><see langword="false"/> when the pool is empty.</returns>
    public bool TryTake(Span<float> destination)
    {
        if (_count == 0)
        {
            return false;
        }
        int last = --_count;
        var chosen = Slot(_random.Next(_count + 1));
        chosen.CopyTo(destination);
        Slot(last).CopyTo(chosen); // the last row fills the hole, so the remaining rows stay contiguous
        return true;
    }

    private Span<float> Slot(int index) => _rows.AsSpan(index * _rowSize, _rowSize);
}
