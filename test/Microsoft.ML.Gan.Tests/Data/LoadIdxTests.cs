using System.Buffers.Binary;
using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Tests.Data;

[TestClass]
public sealed class LoadIdxTests
{
    private readonly MLContext _mlContext = new(seed: 1);
    private string _folder = "";

    [TestInitialize]
    public void CreateFolder() => _folder = TestFiles.NewTempFolder();

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public void LoadIdx_BundledMnist_HasTenThousandSaneDigits()
    {
        string mnist = Path.Combine(TestFiles.RepositoryRoot, "data", "mnist10k");
        var data = _mlContext.Data.LoadIdx(Path.Combine(mnist, "images-idx3-ubyte.gz"), Path.Combine(mnist, "labels-idx1-ubyte.gz"));

        var pixelsType = (VectorDataViewType)data.Schema["Pixels"].Type;
        CollectionAssert.AreEqual(new[] { 1, 28, 28 }, pixelsType.Dimensions.ToArray());
        Assert.AreEqual(NumberDataViewType.Single, data.Schema["Label"].Type);

        var labelCounts = new int[10];
        float min = float.MaxValue, max = float.MinValue;
        int rows = 0;
        foreach (var row in _mlContext.Data.CreateEnumerable<IdxRow>(data, reuseRowObject: true))
        {
            rows++;
            labelCounts[(int)row.Label]++;
            min = Math.Min(min, row.Pixels.Min());
            max = Math.Max(max, row.Pixels.Max());
        }
        Assert.AreEqual(10_000, rows);
        Assert.IsTrue(labelCounts.All(c => c is > 800 and < 1200), string.Join(", ", labelCounts));
        Assert.AreEqual(0f, min);
        Assert.AreEqual(255f, max);
    }

    [TestMethod]
    public void LoadIdx_Padding_FramesEveryImageInZeros()
    {
        byte[][] images = [[1, 2, 3, 4, 5, 6], [9, 8, 7, 6, 5, 4]];
        string imagesPath = WriteIdx("images", IdxFile.ImagesMagic, [2, 2, 3], images.SelectMany(i => i).ToArray(), gzip: false);

        var data = _mlContext.Data.LoadIdx(imagesPath, padding: 1);
        var rows = data.GetColumn<VBuffer<float>>("Pixels").Select(p => p.DenseValues().ToArray()).ToList();

        CollectionAssert.AreEqual(new[] { 1, 4, 5 }, ((VectorDataViewType)data.Schema["Pixels"].Type).Dimensions.ToArray());
        CollectionAssert.AreEqual(new float[]
        {
            0, 0, 0, 0, 0,
            0, 9, 8, 7, 0,
            0, 6, 5, 4, 0,
            0, 0, 0, 0, 0,
        }, rows[1], "the second image, after the first, framed by one pixel of 0");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => _mlContext.Data.LoadIdx(imagesPath, padding: -1));
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void LoadIdx_TinyFile_ReadsValuesAndLabels(bool gzip)
    {
        byte[][] images = [[0, 1, 2, 3, 4, 5], [255, 254, 253, 252, 251, 250], [7, 7, 7, 7, 7, 7]];
        string imagesPath = WriteIdx("images", IdxFile.ImagesMagic, [3, 2, 3], images.SelectMany(i => i).ToArray(), gzip);
        string labelsPath = WriteIdx("labels", IdxFile.LabelsMagic, [3], [9, 0, 4], gzip);

        var data = _mlContext.Data.LoadIdx(imagesPath, labelsPath);
        var rows = _mlContext.Data.CreateEnumerable<IdxRow>(data, reuseRowObject: false).ToList();

        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, ((VectorDataViewType)data.Schema["Pixels"].Type).Dimensions.ToArray());
        Assert.HasCount(3, rows);
        for (int i = 0; i < 3; i++)
        {
            CollectionAssert.AreEqual(images[i].Select(b => (float)b).ToArray(), rows[i].Pixels);
        }
        CollectionAssert.AreEqual(new float[] { 9, 0, 4 }, rows.Select(r => r.Label).ToArray());
    }

    [TestMethod]
    public void LoadIdx_WithoutLabelsAndMaxRows_GivesPixelsOnly()
    {
        string imagesPath = WriteIdx("images", IdxFile.ImagesMagic, [3, 1, 2], [1, 2, 3, 4, 5, 6], gzip: false);
        var data = _mlContext.Data.LoadIdx(imagesPath, maxRows: 2);

        Assert.IsNull(data.Schema.GetColumnOrNull("Label"));
        using var reader = new PixelBatchReader(data, "Pixels", 10, shuffle: false);
        var batch = reader.ReadEpoch(0).Single();
        Assert.AreEqual(2, batch.Count);
        CollectionAssert.AreEqual(new float[] { 1, 2, 3, 4 }, batch.Pixels[..4]);
    }

    [TestMethod]
    public void LoadIdx_EveryCursorReadsAgain()
    {
        string imagesPath = WriteIdx("images", IdxFile.ImagesMagic, [2, 1, 1], [10, 20], gzip: true);
        var data = _mlContext.Data.LoadIdx(imagesPath);
        var first = _mlContext.Data.CreateEnumerable<PixelRows.Row>(data, false).Select(r => r.Pixels[0]).ToList();
        var second = _mlContext.Data.CreateEnumerable<PixelRows.Row>(data, false).Select(r => r.Pixels[0]).ToList();
        CollectionAssert.AreEqual(new float[] { 10, 20 }, first);
        CollectionAssert.AreEqual(first, second);
    }

    [TestMethod]
    public void LoadIdx_MissingFile_NamesIt()
    {
        string missing = Path.Combine(_folder, "nothing.idx");
        var error = Assert.ThrowsExactly<FileNotFoundException>(() => _mlContext.Data.LoadIdx(missing));
        StringAssert.Contains(error.Message, missing);
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void LoadIdx_BadMagic_NamesExpectedAndFound(bool gzip)
    {
        string labelsPath = WriteIdx("labels", IdxFile.LabelsMagic, [3], [1, 2, 3], gzip);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => _mlContext.Data.LoadIdx(labelsPath));
        StringAssert.Contains(error.Message, labelsPath);
        StringAssert.Contains(error.Message, "expected magic number 2051, found 2049");
    }

    [TestMethod]
    public void LoadIdx_LabelCountMismatch_NamesBothCounts()
    {
        string imagesPath = WriteIdx("images", IdxFile.ImagesMagic, [3, 1, 1], [1, 2, 3], gzip: false);
        string labelsPath = WriteIdx("labels", IdxFile.LabelsMagic, [2], [1, 2], gzip: false);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => _mlContext.Data.LoadIdx(imagesPath, labelsPath));
        StringAssert.Contains(error.Message, "expected 3 labels, found 2");
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void LoadIdx_TruncatedFile_FailsWhenRead(bool gzip)
    {
        string imagesPath = WriteIdx("images", IdxFile.ImagesMagic, [3, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8, 9], gzip);
        var data = _mlContext.Data.LoadIdx(imagesPath);
        using var reader = new PixelBatchReader(data, "Pixels", 2);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => reader.ReadEpoch(0).ToList());
        StringAssert.Contains(error.Message, "is truncated: expected 3 items of 4 bytes, found the file ending within item 2");
    }

    [TestMethod]
    public void LoadIdx_TruncatedHeader_SaysSo()
    {
        string imagesPath = Path.Combine(_folder, "short.idx");
        File.WriteAllBytes(imagesPath, [0, 0, 8, 3, 0, 0]);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => _mlContext.Data.LoadIdx(imagesPath));
        StringAssert.Contains(error.Message, "expected a 16-byte header, found 6 bytes");
    }

    /// <summary>Writes an IDX file of unsigned bytes with the given header.</summary>
    private string WriteIdx(string name, int magic, int[] dimensions, byte[] items, bool gzip)
    {
        string path = Path.Combine(_folder, name + (gzip ? ".idx.gz" : ".idx"));
        var bytes = new byte[4 + 4 * dimensions.Length + items.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dimensions[i]);
        }
        items.CopyTo(bytes, 4 + 4 * dimensions.Length);
        using var file = File.Create(path);
        using Stream output = gzip ? new GZipStream(file, CompressionLevel.Optimal) : file;
        output.Write(bytes);
        return path;
    }
}
