namespace Microsoft.ML.Gan.Samples.SvmEval;

/// <summary>
/// The moved copies the SVMs train on besides their labelled images (<c>--virtual-shift N</c>): the features table
/// is read from <c>AppendShiftedCopies</c>'s view, in which the copies of row r of n rows are rows r + k·n.
/// </summary>
/// <param name="Pixels">How far each copy moves; 0 for no copies.</param>
internal sealed record ShiftedCopies(int Pixels)
{
    /// <summary>How many copies each row has.</summary>
    public int PerRow => Pixels == 0 ? 0 : GanDataCatalog.ShiftedCopiesPerRow;

    /// <summary>The rows of <paramref name="data"/> followed by their copies (<paramref name="data"/> itself without copies).</summary>
    public IDataView Append(MLContext mlContext, IDataView data) => Pixels == 0 ? data : mlContext.Data.AppendShiftedCopies(data, Pixels);

    /// <summary><paramref name="rows"/> and every copy of each, with <paramref name="rowCount"/> original rows.</summary>
    public IEnumerable<int> WithCopies(IEnumerable<int> rows, int rowCount) =>
        rows.SelectMany(row => Enumerable.Range(0, PerRow + 1).Select(copy => row + copy * rowCount));
}
