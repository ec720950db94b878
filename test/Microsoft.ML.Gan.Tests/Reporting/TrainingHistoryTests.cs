using System.Globalization;
using Microsoft.ML.Gan.Reporting;

namespace Microsoft.ML.Gan.Tests.Reporting;

[TestClass]
public sealed class TrainingHistoryTests
{
    [TestMethod]
    public void SaveCsv_LoadCsv_RoundTripsExactly_InAnyCulture()
    {
        var history = new TrainingHistory();
        history.Add(new TrainingHistoryEntry(1, 10, 0.693147f, 1.386294f, 0.51f, 0.49f, 350.25, 2.5));
        history.Add(new TrainingHistoryEntry(2, 20, 1.0f / 3, float.NaN, 0.9f, 0.1f, 1e-3, 12345.678901234));
        using var folder = new TemporaryFolder();
        string path = folder.File("history.csv");

        var saved = CultureInfo.CurrentCulture;
        try
        {
            // A comma as decimal separator would break the CSV if the culture leaked in.
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            history.SaveCsv(path);
            var loaded = TrainingHistory.LoadCsv(path);

            CollectionAssert.AreEqual(history.Entries.ToList(), loaded.Entries.ToList());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
        StringAssert.StartsWith(File.ReadAllText(path), "epoch,step,generator_loss,discriminator_loss,real_score,fake_score,images_per_second,elapsed_seconds\n1,10,0.693147,");
    }

    [TestMethod]
    public void LoadCsv_ThenAdd_AppendsForResumedRun()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("history.csv");
        var first = new TrainingHistory();
        first.Add(new TrainingHistoryEntry(1, 1, 1, 1, 0.5f, 0.5f, 100, 1));
        first.SaveCsv(path);

        var resumed = TrainingHistory.LoadCsv(path);
        resumed.Add(new TrainingHistoryEntry(2, 2, 1, 1, 0.5f, 0.5f, 100, 2));
        resumed.SaveCsv(path);

        CollectionAssert.AreEqual(new long[] { 1, 2 }, TrainingHistory.LoadCsv(path).Entries.Select(e => e.Step).ToArray());
    }

    [TestMethod]
    public void LoadCsv_BadLine_NamesLineAndCounts()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("bad.csv");
        new TrainingHistory().SaveCsv(path);
        File.AppendAllText(path, "1,2,3\n");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => TrainingHistory.LoadCsv(path));

        StringAssert.Contains(error.Message, "line 2: expected 8 fields, found 3");
    }

    [TestMethod]
    public void Entries_IsReadOnlyView()
    {
        var history = new TrainingHistory();
        history.Add(new TrainingHistoryEntry(1, 1, 1, 1, 1, 1, 1, 1));

        Assert.IsFalse(history.Entries is List<TrainingHistoryEntry>);
        Assert.HasCount(1, history.Entries);
    }
}
