using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;
using SkiaSharp;

namespace Microsoft.ML.Gan.Tests.Data;

[TestClass]
public sealed class LoadImageFolderTests
{
    private readonly MLContext _mlContext = new(seed: 1);
    private string _folder = "";

    [TestInitialize]
    public void CreateFolder() => _folder = TestFiles.NewTempFolder();

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public void LoadImageFolder_Colour_GivesPlanarRgbAndFolderLabels()
    {
        TestFiles.WritePng(Path.Combine(_folder, "b", "one.png"), 8, 8, new SKColor(10, 20, 30));
        TestFiles.WritePng(Path.Combine(_folder, "a", "two.PNG"), 6, 6, new SKColor(200, 100, 50));
        File.WriteAllText(Path.Combine(_folder, "a", "notes.txt"), "not an image");

        var data = _mlContext.Data.LoadImageFolder(_folder, width: 4, height: 4);
        var rows = _mlContext.Data.CreateEnumerable<FolderRow>(data, reuseRowObject: false).ToList();

        CollectionAssert.AreEqual(new[] { 3, 4, 4 }, ((VectorDataViewType)data.Schema["Pixels"].Type).Dimensions.ToArray());
        CollectionAssert.AreEqual(new[] { Path.Combine("a", "two.PNG"), Path.Combine("b", "one.png") }, rows.Select(r => r.ImagePath).ToArray());
        CollectionAssert.AreEqual(new[] { "a", "b" }, rows.Select(r => r.Label).ToArray());
        AssertPlanes(rows[0].Pixels, 16, 200, 100, 50);
        AssertPlanes(rows[1].Pixels, 16, 10, 20, 30);
    }

    [TestMethod]
    public void LoadImageFolder_CompositeOnWhite_BlendsTransparencyOverWhite()
    {
        TestFiles.WritePng(Path.Combine(_folder, "1-clear.png"), 4, 4, new SKColor(0, 0, 0, 0), SKAlphaType.Unpremul);
        TestFiles.WritePng(Path.Combine(_folder, "2-half-red.png"), 4, 4, new SKColor(255, 0, 0, 128), SKAlphaType.Unpremul);
        TestFiles.WritePng(Path.Combine(_folder, "3-opaque.png"), 4, 4, new SKColor(10, 20, 30));

        var blended = _mlContext.Data.LoadImageFolder(_folder, width: 4, height: 4, compositeOnWhite: true);
        var plain = _mlContext.Data.LoadImageFolder(_folder, width: 4, height: 4);
        var rows = _mlContext.Data.CreateEnumerable<FolderRow>(blended, reuseRowObject: false).ToList();

        CollectionAssert.AreEqual(new[] { 3, 4, 4 }, ((VectorDataViewType)blended.Schema["Pixels"].Type).Dimensions.ToArray());
        AssertPlanes(rows[0].Pixels, 16, 255, 255, 255);
        AssertPlanes(rows[1].Pixels, 16, 255, 127, 127);
        AssertPlanes(rows[2].Pixels, 16, 10, 20, 30);
        AssertPlanes(_mlContext.Data.CreateEnumerable<FolderRow>(plain, reuseRowObject: false).First().Pixels, 16, 0, 0, 0);
        Assert.ThrowsExactly<ArgumentException>(() => _mlContext.Data.LoadImageFolder(_folder, 4, 4, grey: true, compositeOnWhite: true));
    }

    [TestMethod]
    public void LoadImageFolder_Grey_GivesOneChannel()
    {
        TestFiles.WritePng(Path.Combine(_folder, "s1", "1.png"), 5, 7, new SKColor(90, 90, 90));
        TestFiles.WritePng(Path.Combine(_folder, "s1", "2.png"), 5, 7, new SKColor(255, 255, 255));

        var data = _mlContext.Data.LoadImageFolder(_folder, width: 3, height: 2, grey: true);

        using var reader = new PixelBatchReader(data, "Pixels", 8, shuffle: false);
        Assert.AreEqual(new ImageShape(1, 2, 3), reader.Shape);
        var batch = reader.ReadEpoch(0).Single();
        Assert.AreEqual(2, batch.Count);
        AssertPlanes(batch.Pixels[..6], 6, 90);
        AssertPlanes(batch.Pixels[6..12], 6, 255);
    }

    [TestMethod]
    public void LoadImageFolder_MissingFolder_NamesIt()
    {
        string missing = Path.Combine(_folder, "absent");
        var error = Assert.ThrowsExactly<DirectoryNotFoundException>(() => _mlContext.Data.LoadImageFolder(missing, 4, 4));
        StringAssert.Contains(error.Message, missing);
    }

    [TestMethod]
    public void LoadImageFolder_NoImages_SaysSo()
    {
        File.WriteAllText(Path.Combine(_folder, "readme.txt"), "no images here");
        var error = Assert.ThrowsExactly<InvalidDataException>(() => _mlContext.Data.LoadImageFolder(_folder, 4, 4));
        StringAssert.Contains(error.Message, _folder);
        StringAssert.Contains(error.Message, "holds no readable images");
    }

    /// <summary>Checks that each plane of <paramref name="pixels"/> is filled with one value.</summary>
    private static void AssertPlanes(float[] pixels, int planeSize, params float[] planeValues)
    {
        Assert.HasCount(planeSize * planeValues.Length, pixels);
        for (int i = 0; i < pixels.Length; i++)
        {
            Assert.AreEqual(planeValues[i / planeSize], pixels[i], 1f, $"value {i}");
        }
    }

    /// <summary>A row of an image folder view.</summary>
    private sealed class FolderRow
    {
        /// <summary>The file, relative to the folder.</summary>
        public string ImagePath = "";

        /// <summary>The folder name.</summary>
        public string Label = "";

        /// <summary>The pixels.</summary>
        [VectorType]
        public float[] Pixels = [];
    }
}
