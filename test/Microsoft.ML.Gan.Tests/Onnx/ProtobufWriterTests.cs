using Microsoft.ML.Gan.Onnx;

namespace Microsoft.ML.Gan.Tests.Onnx;

/// <summary>Checks the protobuf encoder against the examples of the protobuf encoding guide.</summary>
[TestClass]
public sealed class ProtobufWriterTests
{
    [TestMethod]
    public void VarintIsBase128LittleEndian()
    {
        CollectionAssert.AreEqual(new byte[] { 0xAC, 0x02 }, Encode(w => w.WriteVarint(300)));
        CollectionAssert.AreEqual(new byte[] { 0x01 }, Encode(w => w.WriteVarint(1)));
    }

    [TestMethod]
    public void NegativeInt64TakesTenBytes()
    {
        CollectionAssert.AreEqual(
            new byte[] { 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 },
            Encode(w => w.WriteInt64(1, -1)));
    }

    [TestMethod]
    public void FieldsAreEncodedWithTheirTags()
    {
        CollectionAssert.AreEqual(new byte[] { 0x08, 0x96, 0x01 }, Encode(w => w.WriteInt64(1, 150)));
        CollectionAssert.AreEqual(
            new byte[] { 0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6E, 0x67 },
            Encode(w => w.WriteString(2, "testing")));
        CollectionAssert.AreEqual(new byte[] { 0x15, 0x00, 0x00, 0x80, 0x3F }, Encode(w => w.WriteFloat(2, 1f)));
    }

    [TestMethod]
    public void PackedRepeatedFieldsAreLengthPrefixed()
    {
        CollectionAssert.AreEqual(
            new byte[] { 0x22, 0x06, 0x03, 0x8E, 0x02, 0x9E, 0xA7, 0x05 },
            Encode(w => w.WritePackedInt64(4, [3, 270, 86942])));
        CollectionAssert.AreEqual(
            new byte[] { 0x3A, 0x08, 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0 },
            Encode(w => w.WritePackedFloat(7, [1f, -2f])));
        Assert.IsEmpty(Encode(w => w.WritePackedInt64(4, [])));
    }

    [TestMethod]
    public void NestedMessageIsLengthPrefixed()
    {
        CollectionAssert.AreEqual(
            new byte[] { 0x1A, 0x03, 0x08, 0x96, 0x01 },
            Encode(w => w.WriteMessage(3, nested => nested.WriteInt64(1, 150))));
    }

    private static byte[] Encode(Action<ProtobufWriter> write)
    {
        var writer = new ProtobufWriter();
        write(writer);
        return writer.ToArray();
    }
}
