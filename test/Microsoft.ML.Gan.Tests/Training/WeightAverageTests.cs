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
        var inputs = ones(4, 3);
        average.Update(inputs); // step 0: decay = min(0.999, 1/10) = 0.1, so the average moves 90% of the way
        average.Update(inputs); // step 1: decay = 2/11

        var afterFirst = start + 0.9;
        var expected = afterFirst * (2.0 / 11) + (start + 1) * (1 - 2.0 / 11);
        Assert.IsLessThan(1e-6f, (averaged.weight! - expected).abs().max().item<float>());
        Assert.AreEqual(2, average.Updates);
        Assert.IsFalse(averaged.weight!.requires_grad, "the average is not trained");
    }

    [TestMethod]
    public void BatchNormStatisticsFollowTheAverageOwnActivations()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var source = nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2));
        var averaged = nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2));
        using var average = new WeightAverage(source, averaged, decay: 0.999);
        var inputs = tensor(new float[] { 1, 10, 3, 30 }, [2, 2]);
        using (no_grad())
        {
            ((nn.Module<Tensor, Tensor>)source[0]).parameters().First().add_(5);
            source.forward(inputs);
        }

        average.Update(inputs);

        // From zero with momentum 0.1: the running mean is a tenth of the batch mean of the average's own linear layer.
        Tensor expected;
        using (no_grad())
        {
            expected = ((nn.Module<Tensor, Tensor>)averaged[0]).forward(inputs).mean([0]) * 0.1;
        }
        var runningMean = ((TorchSharp.Modules.BatchNorm1d)averaged[1]).running_mean!;
        var sourceMean = ((TorchSharp.Modules.BatchNorm1d)source[1]).running_mean!;
        Assert.IsLessThan(1e-5f, (runningMean - expected).abs().max().item<float>());
        Assert.IsGreaterThan(0.1f, (runningMean - sourceMean).abs().max().item<float>(), "the source's statistics are not copied");
    }
}
