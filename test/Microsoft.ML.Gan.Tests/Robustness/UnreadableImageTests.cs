using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tests.Data;
using SkiaSharp;

namespace Microsoft.ML.Gan.Tests.Robustness;

[TestClass]
public sealed class UnreadableImageTests
{
    private string _folder = "";

    [TestInitialize]
    public void WriteFolder()
    {
        _folder = TestFiles.NewTempFolder();
        TestFiles.WritePng(Path.Combine(_folder, "a", "good1.png"), 8, 8, SKColors.Red);
        TestFiles.WritePng(Path.Combine(_folder, "a", "good2.png"), 8, 8, SKColors.Blue);
        File.WriteAllBytes(Path.Combine(_folder, "a", "empty.png"), []);
        Directory.CreateDirectory(Path.Combine(_folder, "b"));
        File.WriteAllText(Path.Combine(_folder, "b", "notes.png"), "not an image");
    }

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public void UnreadableFilesAreAnErrorThatNamesOne()
    {
        var error = Assert.ThrowsExactly<InvalidDataException>(() => new MLContext().Data.LoadImageFolder(_folder, 8, 8));

        StringAssert.Contains(error.Message, "2 file(s)");
        StringAssert.Contains(error.Message, Path.Combine(_folder, "a", "empty.png"));
        StringAssert.Contains(error.Message, "skipUnreadable");
    }

    [TestMethod]
    public void UnreadableFilesCanBeSkippedWithTheirCountInTheLog()
    {
        var mlContext = new MLContext();
        var warnings = new List<string>();
        mlContext.Log += (_, e) => { if (e.Kind == Runtime.ChannelMessageKind.Warning) warnings.Add(e.RawMessage); };

        var images = mlContext.Data.LoadImageFolder(_folder, 8, 8, skipUnreadable: true);

        Assert.HasCount(2, images.GetColumn<VBuffer<float>>("Pixels").ToList());
        Assert.IsTrue(warnings.Any(w => w.Contains("Skipped 2 unreadable")), string.Join("; ", warnings));
    }
}
