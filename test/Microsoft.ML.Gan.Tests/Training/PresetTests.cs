namespace Microsoft.ML.Gan.Tests.Training;

/// <summary>What <see cref="GanTrainerOptions.ApplyPreset"/> sets, and that one preset undoes the other.</summary>
[TestClass]
public sealed class PresetTests
{
    [TestMethod]
    public void RecommendedDcganRegularisesTheDiscriminatorAndWidensTheGenerator()
    {
        var options = new DcganOptions();

        options.ApplyPreset(GanPreset.Recommended);

        Assert.IsFalse(options.DiscriminatorBatchNorm);
        Assert.AreEqual(0.3, options.DiscriminatorDropout);
        Assert.AreEqual(2 * DcganOptions.ArchitectureDefaults.GeneratorWidth, options.GeneratorWidth);
        Assert.AreEqual(GanTrainerOptions.Defaults.GeneratorAverageDecay, options.GeneratorAverageDecay);
        Assert.AreEqual(32, options.BatchSize);
    }

    [TestMethod]
    public void PaperUndoesRecommended()
    {
        var options = new DcganOptions();
        options.ApplyPreset(GanPreset.Recommended);

        options.ApplyPreset(GanPreset.Paper);

        Assert.IsTrue(options.DiscriminatorBatchNorm);
        Assert.AreEqual(0, options.DiscriminatorDropout);
        Assert.AreEqual(DcganOptions.ArchitectureDefaults.GeneratorWidth, options.GeneratorWidth);
        Assert.AreEqual(0, options.GeneratorAverageDecay);
        Assert.AreEqual(GanTrainerOptions.Defaults.BatchSize, options.BatchSize);
    }

    [TestMethod]
    public void PresetsKeepTheOptionsTheyDoNotName()
    {
        var options = new MlpGanOptions { Loss = GanLoss.Hinge, GeneratorWidth = 64 };

        options.ApplyPreset(GanPreset.Recommended);

        Assert.AreEqual(GanLoss.Hinge, options.Loss);
        Assert.AreEqual(64, options.GeneratorWidth);
    }
}
