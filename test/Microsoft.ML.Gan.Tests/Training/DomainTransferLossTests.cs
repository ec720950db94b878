using Microsoft.ML.Gan.Training.Losses;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Training;

/// <summary>Each term of the Domain Transfer Network's objective on tiny tensors, against a hand computation (within 1e-5).</summary>
[TestClass]
public sealed class DomainTransferLossTests
{
    private const float Tolerance = 1e-5f;

    /// <summary>−log softmax(logits)[label], by hand.</summary>
    private static double NegativeLogSoftmax(double[] logits, int label) =>
        Math.Log(logits.Sum(Math.Exp)) - logits[label];

    [TestMethod]
    public void DiscriminatorLossIsTheCrossEntropyOfTheThreeCases()
    {
        using var scope = NewDisposeScope();
        double[] a = [1, 0, -1], b = [0, 2, 0], c = [0.5, 0.5, 3];
        var loss = DomainTransferLoss.Discriminator(tensor(new[] { 1f, 0, -1 }).reshape(1, 3), tensor(new[] { 0f, 2, 0 }).reshape(1, 3),
            tensor(new[] { 0.5f, 0.5f, 3 }).reshape(1, 3)).item<float>();
        var expected = NegativeLogSoftmax(a, 0) + NegativeLogSoftmax(b, 1) + NegativeLogSoftmax(c, 2);
        Assert.AreEqual(expected, loss, Tolerance);
    }

    [TestMethod]
    public void AdversarialLossPushesBothGeneratedKindsTowardsRealTarget()
    {
        using var scope = NewDisposeScope();
        // Two images in the source batch: the mean of their cross-entropies.
        var source = tensor(new[] { 1f, 0, -1, 0, 0, 0 }).reshape(2, 3);
        var target = tensor(new[] { 0f, 2, 0 }).reshape(1, 3);
        var loss = DomainTransferLoss.Adversarial(source, target).item<float>();
        var expected = (NegativeLogSoftmax([1, 0, -1], 2) + NegativeLogSoftmax([0, 0, 0], 2)) / 2 + NegativeLogSoftmax([0, 2, 0], 2);
        Assert.AreEqual(expected, loss, Tolerance);
    }

    [TestMethod]
    public void ConstancyIsTheMeanSquaredFeatureDifference()
    {
        using var scope = NewDisposeScope();
        var features = tensor(new[] { 1f, 2, 3, 4 }).reshape(2, 2);
        var transferred = tensor(new[] { 0f, 2, 3, 1 }).reshape(2, 2);
        // (1² + 0² + 0² + 3²) / 4
        Assert.AreEqual(2.5f, DomainTransferLoss.Constancy(features, transferred).item<float>(), Tolerance);
    }

    [TestMethod]
    public void ClassConstancyIsTheCrossEntropyOfTheSourcesClass()
    {
        using var scope = NewDisposeScope();
        var sourceLogits = tensor(new[] { 2f, 1, 0, 0, 0, 5 }).reshape(2, 3);
        double[] first = [1, 0, 0], second = [0, 1, 0];
        var transferredLogits = tensor(first.Concat(second).Select(v => (float)v).ToArray()).reshape(2, 3);
        // The sources are of classes 0 and 2.
        var expected = (NegativeLogSoftmax(first, 0) + NegativeLogSoftmax(second, 2)) / 2;
        Assert.AreEqual(expected, DomainTransferLoss.ClassConstancy(sourceLogits, transferredLogits).item<float>(), Tolerance);
    }

    [TestMethod]
    public void IdentityIsTheMeanSquaredPixelDifference()
    {
        using var scope = NewDisposeScope();
        var target = tensor(new[] { 1f, -1, 0.5f, 0 }).reshape(1, 1, 2, 2);
        var generated = tensor(new[] { 0f, -1, -0.5f, 0 }).reshape(1, 1, 2, 2);
        // (1 + 0 + 1 + 0) / 4
        Assert.AreEqual(0.5f, DomainTransferLoss.Identity(target, generated).item<float>(), Tolerance);
    }

    [TestMethod]
    public void TotalVariationAveragesTheGradientLengthOverPositionsWithBothNeighbours()
    {
        using var scope = NewDisposeScope();
        using var loss = new DomainTransferLoss();
        // 3×3: positions (0,0), (0,1), (1,0), (1,1) have a right and a lower neighbour.
        var image = tensor(new[] { 0f, 1, 3, 2, 2, 2, 5, 4, 0 }).reshape(1, 1, 3, 3);
        var expected = (Math.Sqrt(1 + 4) + Math.Sqrt(4 + 1) + Math.Sqrt(0 + 9) + Math.Sqrt(0 + 4)) / 4;
        Assert.AreEqual(expected, loss.TotalVariation(image).item<float>(), 1e-4);
    }
}
