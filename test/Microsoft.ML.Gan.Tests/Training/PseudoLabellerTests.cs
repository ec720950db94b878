using Microsoft.ML.Gan.Training;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Training;

[TestClass]
public sealed class PseudoLabellerTests
{
    [TestMethod]
    public void ConfidentRowsGetTheirLikeliestClassAfterAlignment()
    {
        using var scope = NewDisposeScope();
        using var labeller = new PseudoLabeller(classCount: 2, confidence: 0.95, CPU);

        var (labels, confident) = labeller.Assign(tensor(new float[] { 0.03f, 0.97f, 0.6f, 0.4f }, [2, 2]));

        // Predicted frequencies: 0.99 · 0.5 + 0.01 · (0.315, 0.685) = (0.49815, 0.50185); labelled: (0.5, 0.5).
        // Row 1 aligned: 0.97 / 0.50185 against 0.03 / 0.49815, so 0.9698 for class 1; row 2: 0.6018 for class 0.
        CollectionAssert.AreEqual(new long[] { 1, 0 }, labels.data<long>().ToArray());
        CollectionAssert.AreEqual(new[] { true, false }, confident.data<bool>().ToArray());
    }

    [TestMethod]
    public void AClassPredictedMoreOftenThanLabelledLosesConfidence()
    {
        using var scope = NewDisposeScope();
        using var labeller = new PseudoLabeller(classCount: 2, confidence: 0.95, CPU);
        var sureOfClass0 = tensor(new float[] { 0.96f, 0.04f }, [1, 2]);
        Assert.IsTrue(labeller.Assign(sureOfClass0).Confident.item<bool>(), "at first, 0.96 is confident");

        // The labelled batches hold both classes equally; the network keeps giving class 0 to every unlabelled image.
        for (var step = 0; step < 100; step++)
        {
            labeller.ObserveLabels(tensor(new long[] { 0, 1 }));
            labeller.Assign(sureOfClass0);
        }

        // Predicted frequency of class 0: 0.96 − 0.46 · 0.99^102 ≈ 0.795, of class 1 ≈ 0.205; aligned 0.96 / 0.795
        // against 0.04 / 0.205 is 0.86 for class 0, below the threshold.
        var (labels, confident) = labeller.Assign(sureOfClass0);
        Assert.AreEqual(0L, labels.item<long>());
        Assert.IsFalse(confident.item<bool>(), "class 0, over-predicted, is no longer confident at 0.96");
    }
}
