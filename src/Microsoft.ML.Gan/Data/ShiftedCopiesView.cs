using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Data;

/// <summary>
/// The rows of a view, then the same rows again for every move of <see cref="ImageMove.FourWays"/> with the pixels
/// column moved (the other columns as they are). Each pass is a fresh cursor over the input, so only one row is held at a
/// time.
/// </summary>
internal sealed class ShiftedCopiesView : IDataView
{
    private readonly IDataView _input;
    private readonly int _pixelsColumnIndex;
    private readonly ImageShape _shape;
    private readonly ImageMove[] _passes;

    /// <summary>The rows of <paramref name="input"/>, then a copy of them for each move of <paramref name="moves"/>.</summary>
    /// <param name="input">The rows.</param>
    /// <param name="pixelsColumnIndex">Index of the pixels column (planar C×H×W) in <paramref name="input"/>'s schema.</param>
    /// <param name="shape">The image shape of the pixels column.</param>
    /// <param name="moves">The moves, one copy of every row each.</param>
    public ShiftedCopiesView(IDataView input, int pixelsColumnIndex, ImageShape shape, IReadOnlyList<ImageMove> moves)
    {
        _input = input;
        _pixelsColumnIndex = pixelsColumnIndex;
        _shape = shape;
        _passes = [ImageMove.None, .. moves];
    }

    /// <inheritdoc/>
    public bool CanShuffle => false;

    /// <inheritdoc/>
    public DataViewSchema Schema => _input.Schema;

    /// <inheritdoc/>
    public long? GetRowCount() => _input.GetRowCount() * _passes.Length;

    /// <inheritdoc/>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, [.. columnsNeeded]);

    /// <inheritdoc/>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    /// <summary>Walks one input cursor per pass; the getters it hands out follow the current pass's cursor.</summary>
    private sealed class Cursor : DataViewRowCursor
    {
        private readonly ShiftedCopiesView _view;
        private readonly DataViewSchema.Column[] _columnsNeeded;
        private readonly Delegate?[] _inputGetters;
        private ValueGetter<DataViewRowId>? _inputIdGetter;
        private DataViewRowCursor _input;
        private int _pass;
        private long _position = -1;
        private VBuffer<float> _unmoved;

        public Cursor(ShiftedCopiesView view, DataViewSchema.Column[] columnsNeeded)
        {
            _view = view;
            _columnsNeeded = columnsNeeded;
            _inputGetters = new Delegate?[view.Schema.Count];
            _input = view._input.GetRowCursor(columnsNeeded);
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            while (!_input.MoveNext())
            {
                if (_pass + 1 == _view._passes.Length)
                {
                    _position = -1;
                    return false;
                }
                _input.Dispose();
                _input = _view._input.GetRowCursor(_columnsNeeded);
                Array.Clear(_inputGetters);
                _inputIdGetter = null;
                _pass++;
            }
            _position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) =>
        {
            (_inputIdGetter ??= _input.GetIdGetter())(ref id);
            id = id.Combine(new DataViewRowId((ulong)_pass, 0));
        };

        public override bool IsColumnActive(DataViewSchema.Column column) => _input.IsColumnActive(column);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!IsColumnActive(column))
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not asked for when the cursor was made.");
            }
            if (column.Index != _view._pixelsColumnIndex)
            {
                return (ref TValue value) => InputGetter<TValue>(column.Index)(ref value);
            }
            ValueGetter<VBuffer<float>> moved = (ref VBuffer<float> value) =>
            {
                InputGetter<VBuffer<float>>(column.Index)(ref _unmoved);
                _view._passes[_pass].Apply(_unmoved, _view._shape, ref value);
            };
            return moved as ValueGetter<TValue> ?? throw new InvalidOperationException(
                $"Column '{column.Name}' holds {column.Type}, not {typeof(TValue).Name}.");
        }

        /// <summary>The current pass's getter of column <paramref name="index"/>, fetched once per pass.</summary>
        private ValueGetter<T> InputGetter<T>(int index) =>
            (ValueGetter<T>)(_inputGetters[index] ??= _input.GetGetter<T>(_input.Schema[index]));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _input.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
