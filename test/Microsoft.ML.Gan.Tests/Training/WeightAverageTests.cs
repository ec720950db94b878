using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Training;

[TestClass]
public sealed class WeightAverageTests
{
    [TestMethod]
    public void AverageStartsAsACopyAndFollowsTheRampedDecay()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var source = nn.Linear(3, 2);
        var averaged = nn.Linear(3, 2);
        using var average = new WeightAverage(source, averaged, decay: 0.999);
        var start = source.weight!.clone();
        CollectionAssert.AreEqual(start.data<float>().ToArray(), averaged.weight!.data<float>().ToArray());

        using (no_grad())
        {
            source.weight!.add_(1);
        }
        average.Update(); // step 0: decay = min(0.999, 1/10) = 0.1, so the average moves 90% of the way
        average.Update(); // step 1: decay = 2/11

        var afterFirst = start + 0.9;
        var expected = afterFirst * (2.0 / 11) + (start + 1) * (1 - 2.0 / 11);
        Assert.IsLessThan(1e-6f, (averaged.weight! - expected).abs().max().item<float>());
        Assert.AreEqual(2, average.Updates);
        Assert.IsFalse(averaged.weight!.requires_grad, "the average is not trained");
    }

    [TestMethod]
    public void BatchNormStatisticsAreCopiedNotAveraged()
    {
        using var scope = NewDisposeScope();
        var source = nn.BatchNorm1d(2);
        var averaged = nn.BatchNorm1d(2);
        using var average = new WeightAverage(source, averaged, decay: 0.999);
        using (no_grad())
        {
            source.forward(tensor(new float[] { 1, 10, 3, 30 }, [2, 2]));
        }

        average.Update();

        CollectionAssert.AreEqual(source.running_mean!.data<float>().ToArray(), averaged.running_mean!.data<float>().ToArray());
    }
}
