using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Deduplication;

/// <summary>
/// The input rows with two columns added from a <see cref="DuplicateGroups"/> of the same rows: each row's group and
/// whether it is a duplicate; optionally without the duplicates. The groups are found on the first cursor (one pass
/// over the data), since a row's group depends on all rows; the rows are then matched by their cursor position.
/// </summary>
internal sealed class DuplicateColumnsView : IDataView
{
    private readonly IDataView _input;
    private readonly Lazy<DuplicateGroups> _groups;
    private readonly bool _dropDuplicates;

    /// <summary>Adds <paramref name="groupColumnName"/> (UInt32) and <paramref name="isDuplicateColumnName"/> (Boolean) to <paramref name="input"/>.</summary>
    /// <param name="input">The rows.</param>
    /// <param name="findGroups">Groups the rows of <paramref name="input"/>; called once, on the first cursor.</param>
    /// <param name="groupColumnName">Name of the group column.</param>
    /// <param name="isDuplicateColumnName">Name of the duplicate flag column.</param>
    /// <param name="dropDuplicates">Whether to leave out the duplicates, keeping the first row of every group.</param>
    public DuplicateColumnsView(IDataView input, Func<DuplicateGroups> findGroups, string groupColumnName, string isDuplicateColumnName, bool dropDuplicates)
    {
        _input = input;
        _groups = new Lazy<DuplicateGroups>(findGroups);
        _dropDuplicates = dropDuplicates;
        Schema = OutputSchema(input.Schema, groupColumnName, isDuplicateColumnName);
    }

    /// <summary>The input's columns followed by the group and duplicate flag columns (which hide input columns of the same names).</summary>
    public static DataViewSchema OutputSchema(DataViewSchema input, string groupColumnName, string isDuplicateColumnName)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        builder.AddColumn(groupColumnName, NumberDataViewType.UInt32);
        builder.AddColumn(isDuplicateColumnName, BooleanDataViewType.Instance);
        return builder.ToSchema();
    }

    /// <inheritdoc/>
    public bool CanShuffle => false;

    /// <inheritdoc/>
    public DataViewSchema Schema { get; }

    /// <inheritdoc/>
    public long? GetRowCount() => !_dropDuplicates ? _input.GetRowCount() : _groups.IsValueCreated ? _groups.Value.GroupCount : null;

    /// <inheritdoc/>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var groups = _groups.Value;
        var inputColumns = columnsNeeded.Where(column => column.Index < _input.Schema.Count).Select(column => _input.Schema[column.Index]);
        return new Cursor(this, _input.GetRowCursor(inputColumns), groups);
    }

    /// <inheritdoc/>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    /// <summary>Walks the input cursor, counting its rows to find each one's group.</summary>
    private sealed class Cursor(DuplicateColumnsView view, DataViewRowCursor input, DuplicateGroups groups) : DataViewRowCursor
    {
        private readonly int _inputColumnCount = input.Schema.Count;
        private int _row = -1;
        private long _position = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            while (input.MoveNext())
            {
                if (++_row >= groups.RowCount)
                {
                    throw new InvalidOperationException(
                        $"The data now has more rows than the {groups.RowCount} it had when its duplicates were found: it must give the same rows to every cursor.");
                }
                if (!view._dropDuplicates || !groups.IsDuplicate(_row))
                {
                    _position++;
                    return true;
                }
            }
            _position = -1;
            return false;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => input.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) =>
            column.Index >= _inputColumnCount || input.IsColumnActive(input.Schema[column.Index]);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index < _inputColumnCount)
            {
                return input.GetGetter<TValue>(input.Schema[column.Index]);
            }
            Delegate getter = column.Index == _inputColumnCount
                ? (ValueGetter<uint>)((ref uint value) => value = groups.GroupOfRow[_row])
                : (ValueGetter<bool>)((ref bool value) => value = groups.IsDuplicate(_row));
            return getter as ValueGetter<TValue> ?? throw new InvalidOperationException(
                $"Column '{column.Name}' holds {column.Type}, not {typeof(TValue).Name}.");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                input.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
