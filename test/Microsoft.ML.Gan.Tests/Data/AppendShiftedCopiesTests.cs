using Microsoft.ML;
using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Tests.Data;

[TestClass]
public sealed class AppendShiftedCopiesTests
{
    private readonly MLContext _mlContext = new(seed: 1);

    /// <summary>Two images of 2 channels × 3 rows × 4 columns: image i holds 100·channel + 12·i + 1..12 in reading order.</summary>
    private IDataView TwoImages()
    {
        var rows = Enumerable.Range(0, 2).Select(image => new LabelledRow
        {
            Pixels = [.. Enumerable.Range(0, 24).Select(v => (float)(100 * (v / 12) + 12 * image + v % 12 + 1))],
            Label = 7 + image,
        });
        var schema = SchemaDefinition.Create(typeof(LabelledRow));
        schema[nameof(LabelledRow.Pixels)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 2, 3, 4);
        return _mlContext.Data.LoadFromEnumerable(rows, schema);
    }

    [TestMethod]
    public void AppendShiftedCopies_OneImage_ComesBackMovedEachWayWithItsLabel()
    {
        var copies = _mlContext.Data.AppendShiftedCopies(TwoImages(), pixels: 1);

        var pixels = copies.GetColumn<VBuffer<float>>("Pixels").Select(p => p.DenseValues().ToArray()).ToArray();
        var labels = copies.GetColumn<float>("Label").ToArray();

        Assert.HasCount(2 * (1 + GanDataCatalog.ShiftedCopiesPerRow), pixels);
        CollectionAssert.AreEqual(new float[] { 7, 8, 7, 8, 7, 8, 7, 8, 7, 8 }, labels);
        float[] first = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112];
        CollectionAssert.AreEqual(first, pixels[0]);
        CollectionAssert.AreEqual(new float[]
        {
            0, 1, 2, 3, 0, 5, 6, 7, 0, 9, 10, 11,
            0, 101, 102, 103, 0, 105, 106, 107, 0, 109, 110, 111,
        }, pixels[2], "row 0 moved right");
        CollectionAssert.AreEqual(new float[]
        {
            2, 3, 4, 0, 6, 7, 8, 0, 10, 11, 12, 0,
            102, 103, 104, 0, 106, 107, 108, 0, 110, 111, 112, 0,
        }, pixels[4], "row 0 moved left");
        CollectionAssert.AreEqual(new float[]
        {
            0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8,
            0, 0, 0, 0, 101, 102, 103, 104, 105, 106, 107, 108,
        }, pixels[6], "row 0 moved down");
        CollectionAssert.AreEqual(new float[]
        {
            17, 18, 19, 20, 21, 22, 23, 24, 0, 0, 0, 0,
            117, 118, 119, 120, 121, 122, 123, 124, 0, 0, 0, 0,
        }, pixels[9], "row 1 moved up");
    }

    [TestMethod]
    public void AppendShiftedCopies_EveryRow_HasItsOwnIdAndEveryCursorTheSameRows()
    {
        var copies = _mlContext.Data.AppendShiftedCopies(TwoImages(), pixels: 2);

        var ids = new List<DataViewRowId>();
        using (var cursor = copies.GetRowCursor(copies.Schema))
        {
            var id = cursor.GetIdGetter();
            while (cursor.MoveNext())
            {
                DataViewRowId value = default;
                id(ref value);
                ids.Add(value);
            }
        }
        var once = copies.GetColumn<VBuffer<float>>("Pixels").Select(p => p.DenseValues().ToArray()).ToArray();
        var again = copies.GetColumn<VBuffer<float>>("Pixels").Select(p => p.DenseValues().ToArray()).ToArray();

        Assert.HasCount(10, ids);
        Assert.AreEqual(10, ids.Distinct().Count());
        for (var row = 0; row < once.Length; row++)
        {
            CollectionAssert.AreEqual(once[row], again[row], $"row {row}");
        }
        CollectionAssert.AreEqual(new float[] { 0, 0, 1, 2 }, once[2][..4], "moved 2 to the right");
    }

    [TestMethod]
    public void AppendShiftedCopies_BadColumnOrDistance_IsRefusedNamingIt()
    {
        var missing = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            _mlContext.Data.AppendShiftedCopies(TwoImages(), pixelsColumnName: "Image"));
        StringAssert.Contains(missing.Message, "'Image'");

        var wrongType = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            _mlContext.Data.AppendShiftedCopies(TwoImages(), pixelsColumnName: "Label"));
        StringAssert.Contains(wrongType.Message, "'Label'");

        foreach (var pixels in new[] { 0, -1, 3 })
        {
            var distance = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => _mlContext.Data.AppendShiftedCopies(TwoImages(), pixels));
            StringAssert.Contains(distance.Message, "2×3×4");
        }
    }

    private sealed class LabelledRow
    {
        public float[] Pixels = [];
        public float Label;
    }
}
