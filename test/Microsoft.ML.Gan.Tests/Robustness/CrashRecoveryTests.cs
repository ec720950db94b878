using System.Diagnostics;
using Microsoft.ML.Gan.Tests.Data;

namespace Microsoft.ML.Gan.Tests.Robustness;

/// <summary>A training process killed mid-run, and damaged model files, through the Samples program as users run it.</summary>
[TestClass]
public sealed class CrashRecoveryTests
{
    private const int StepsPerEpoch = 4; // 256 digits, batch 64 (given explicitly: the default preset has its own)

    [TestMethod]
    public void KilledTrainingResumesFromItsLastCheckpointWithoutLosingOrRepeatingSteps()
    {
        var output = TestFiles.NewTempFolder();
        var history = Path.Combine(output, "history.csv");
        using (var training = SamplesProcess.Start("dcgan", "--limit", "256", "--batch-size", "64", "--epochs", "1000", "--threads", "1", "--output", output))
        {
            var clock = Stopwatch.StartNew();
            while (!(File.Exists(history) && File.ReadAllLines(history).Length >= 3) && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(50);
            }
            training.Kill(entireProcessTree: true);
            training.WaitForExit();
        }
        var epochsBeforeKill = File.ReadAllLines(history).Length - 1;
        Assert.IsGreaterThanOrEqualTo(2, epochsBeforeKill, "the first run got through two epochs before it was killed");

        var target = epochsBeforeKill + 1;
        var (exitCode, printed) = SamplesProcess.Run("dcgan", "--limit", "256", "--batch-size", "64", "--epochs", target.ToString(), "--threads", "1", "--resume", "--output", output);

        Assert.AreEqual(0, exitCode, printed);
        StringAssert.Contains(printed, "resuming from");
        var rows = File.ReadAllLines(history).Skip(1).Select(line => line.Split(',')).ToList();
        CollectionAssert.AreEqual(Enumerable.Range(1, target).ToArray(), rows.Select(row => int.Parse(row[0])).ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(1, target).Select(epoch => (long)epoch * StepsPerEpoch).ToArray(),
            rows.Select(row => long.Parse(row[1])).ToArray(), "every epoch trained its steps exactly once");
        Assert.IsTrue(File.Exists(Path.Combine(output, "generator.zip")));
    }

    [TestMethod]
    public void TruncatedModelZipIsAnErrorThatNamesTheFile()
    {
        var output = TestFiles.NewTempFolder();
        var (trained, printed) = SamplesProcess.Run("dcgan", "--limit", "128", "--epochs", "1", "--output", output);
        Assert.AreEqual(0, trained, printed);
        var zip = Path.Combine(output, "generator.zip");
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes.AsSpan(0, bytes.Length / 2).ToArray());

        var (exitCode, message) = SamplesProcess.Run("generate", "--model", zip, "--output", Path.Combine(output, "generated"));

        Assert.AreEqual(1, exitCode, message);
        StringAssert.Contains(message, zip);
    }
}
