using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Tests.Data;

[TestClass]
public sealed class ImageColumnTests
{
    private readonly MLContext _mlContext = new(seed: 1);

    [TestMethod]
    public void ImageShape_SizeAndText()
    {
        var shape = new ImageShape(3, 32, 16);
        Assert.AreEqual(1536, shape.Size);
        Assert.AreEqual("3×32×16", shape.ToString());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ImageShape(0, 28, 28));
    }

    [TestMethod]
    public void Resolve_ThreeDimensions_TakesThem()
    {
        var data = PixelRows.Create(_mlContext, 1, [3, 8, 6]);
        Assert.AreEqual(new ImageShape(3, 8, 6), ImageColumn.Resolve(data.Schema, "Pixels", null));
        Assert.AreEqual(new ImageShape(3, 8, 6), ImageColumn.Resolve(data.Schema, "Pixels", new ImageShape(3, 8, 6)));
    }

    [TestMethod]
    public void Resolve_TwoDimensions_IsOneGreyPlane()
    {
        var data = PixelRows.Create(_mlContext, 1, [5, 7]);
        Assert.AreEqual(new ImageShape(1, 5, 7), ImageColumn.Resolve(data.Schema, "Pixels", null));
    }

    [TestMethod]
    [DataRow(784, 1, 28)]
    [DataRow(3072, 3, 32)]
    [DataRow(4096, 1, 64)]
    public void Resolve_FlatVector_InfersSquareImage(int size, int channels, int side)
    {
        var data = PixelRows.Create(_mlContext, 1, [size]);
        Assert.AreEqual(new ImageShape(channels, side, side), ImageColumn.Resolve(data.Schema, "Pixels", null));
    }

    [TestMethod]
    public void Resolve_FlatVector_UsesExpectedShape()
    {
        var data = PixelRows.Create(_mlContext, 1, [24]);
        Assert.AreEqual(new ImageShape(2, 3, 4), ImageColumn.Resolve(data.Schema, "Pixels", new ImageShape(2, 3, 4)));
    }

    [TestMethod]
    public void Resolve_FlatVectorNotSquare_NamesColumnAndFound()
    {
        var data = PixelRows.Create(_mlContext, 1, [24]);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ImageColumn.Resolve(data.Schema, "Pixels", null));
        StringAssert.Contains(error.Message, "Column 'Pixels'");
        StringAssert.Contains(error.Message, "expected known-size vector of Single (C×H×W)");
        StringAssert.Contains(error.Message, "found Vector<Single, 24>");
    }

    [TestMethod]
    public void Resolve_MissingColumn_ListsAvailableColumns()
    {
        var data = PixelRows.Create(_mlContext, 1, [4]);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => ImageColumn.Resolve(data.Schema, "Image", null, "training data"));
        StringAssert.Contains(error.Message, "Column 'Image' was not found in the training data");
        StringAssert.Contains(error.Message, "available columns: 'Pixels'");
    }

    [TestMethod]
    public void Resolve_WrongItemType_NamesExpectedAndFound()
    {
        var data = _mlContext.Data.LoadFromEnumerable([new DoubleRow()]);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => ImageColumn.Resolve(data.Schema, "Pixels", new ImageShape(1, 2, 2), "training data"));
        StringAssert.Contains(error.Message, "Column 'Pixels' of the training data");
        StringAssert.Contains(error.Message, "expected known-size vector of Single (C×H×W = 1×2×2 = 4)");
        StringAssert.Contains(error.Message, "found Vector<Double, 4>");
    }

    [TestMethod]
    public void Resolve_VariableSizeVector_NamesExpectedAndFound()
    {
        var data = _mlContext.Data.LoadFromEnumerable([new PixelRows.Row { Pixels = [1, 2, 3, 4] }]);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ImageColumn.Resolve(data.Schema, "Pixels", null));
        StringAssert.Contains(error.Message, "Column 'Pixels'");
        StringAssert.Contains(error.Message, "expected known-size vector of Single");
        StringAssert.Contains(error.Message, "found Vector<Single>");
    }

    [TestMethod]
    public void Resolve_WrongLength_NamesBoth()
    {
        var data = PixelRows.Create(_mlContext, 1, [3072]);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => ImageColumn.Resolve(data.Schema, "Pixels", new ImageShape(1, 28, 28)));
        StringAssert.Contains(error.Message, "Column 'Pixels'");
        StringAssert.Contains(error.Message, "1×28×28 = 784");
        StringAssert.Contains(error.Message, "found Vector<Single, 3072>");
    }

    [TestMethod]
    public void Resolve_WrongDimensions_NamesBoth()
    {
        var data = PixelRows.Create(_mlContext, 1, [1, 32, 24]);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => ImageColumn.Resolve(data.Schema, "Pixels", new ImageShape(1, 24, 32)));
        StringAssert.Contains(error.Message, "1×24×32 = 768");
        StringAssert.Contains(error.Message, "found Vector<Single, 1, 32, 24>");
    }

    [TestMethod]
    public void Resolve_Interleaved_IsRejected()
    {
        var data = PixelRows.Create(_mlContext, 1, [8, 8, 3]);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ImageColumn.Resolve(data.Schema, "Pixels", null));
        StringAssert.Contains(error.Message, "interleaved");
    }

    [TestMethod]
    public void PrepareImageColumn_PixelsColumn_IsReturnedUnchanged()
    {
        var data = PixelRows.Create(_mlContext, 1, [1, 4, 4]);
        Assert.AreSame(data, ImageColumn.PrepareImageColumn(_mlContext, data, "Pixels", new ImageShape(1, 4, 4)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => ImageColumn.PrepareImageColumn(_mlContext, data, "Pixels", new ImageShape(3, 4, 4)));
    }

    /// <summary>A row whose pixels have the wrong item type.</summary>
    private sealed class DoubleRow
    {
        /// <summary>Pixels as doubles.</summary>
        [VectorType(4)]
        public double[] Pixels = [0, 1, 2, 3];
    }
}
