using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Tests.Data;

[TestClass]
public sealed class PixelMappingTests
{
    private sealed class Row
    {
        [VectorType(1, 1, 2)]
        public float[] Pixels { get; set; } = [];

        public float Label { get; set; }
    }

    [TestMethod]
    public void TheColumnIsReplacedByTheMapOfEachImageInItsNewShapeAndOtherColumnsPassThrough()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = mlContext.Data.LoadFromEnumerable([new Row { Pixels = [1, 2], Label = 7 }, new Row { Pixels = [3, 4], Label = 9 }]);

        var mapped = PixelMapping.Apply(mlContext, rows, "Pixels", new ImageShape(1, 1, 2), new ImageShape(1, 1, 3),
            pixels => [pixels[0], pixels[1], pixels[0] + pixels[1]]);

        var column = mapped.Schema["Pixels"].Type as VectorDataViewType;
        CollectionAssert.AreEqual(new[] { 1, 1, 3 }, column!.Dimensions.ToArray());
        var images = mapped.GetColumn<float[]>("Pixels").ToList();
        CollectionAssert.AreEqual(new float[] { 1, 2, 3 }, images[0]);
        CollectionAssert.AreEqual(new float[] { 3, 4, 7 }, images[1]);
        CollectionAssert.AreEqual(new float[] { 7, 9 }, mapped.GetColumn<float>("Label").ToList());
    }
}
