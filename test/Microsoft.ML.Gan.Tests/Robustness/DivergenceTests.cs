using Microsoft.ML;
using Microsoft.ML.Gan.Tests.Data;
using static Microsoft.ML.Gan.Tests.Transformers.DcganEstimatorTests;

namespace Microsoft.ML.Gan.Tests.Robustness;

[TestClass]
public sealed class DivergenceTests
{
    [TestMethod]
    public void NonFiniteLossStopsTrainingAtItsStepAndKeepsTheLastGoodCheckpoint()
    {
        var folder = TestFiles.NewTempFolder();
        var mlContext = new MLContext(seed: 1);
        var options = SmallOptions(folder);
        using (mlContext.Transforms.Gan.TrainDcgan(options).Fit(Digits(mlContext)))
        {
        }
        var checkpoint = Path.Combine(folder, "checkpoint", "training-state.bin");
        var good = File.ReadAllBytes(checkpoint);
        // An absurd learning rate throws the weights out of float range within a step or two of the resumed epoch.
        options.Resume = true;
        options.Epochs = 2;
        options.GeneratorLearningRate = 1e38;
        options.DiscriminatorLearningRate = 1e38;

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => mlContext.Transforms.Gan.TrainDcgan(options).Fit(Digits(mlContext)));

        StringAssert.Matches(error.Message, new System.Text.RegularExpressions.Regex("diverged at step [34] \\(epoch 2\\)"));
        StringAssert.Contains(error.Message, checkpoint);
        CollectionAssert.AreEqual(good, File.ReadAllBytes(checkpoint), "the last good checkpoint survives");
    }
}
