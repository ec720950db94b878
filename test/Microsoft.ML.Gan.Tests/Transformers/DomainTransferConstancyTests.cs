using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Evaluation;
using Microsoft.ML.Gan.Tests.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Tests.Transformers;

/// <summary>
/// The f-constancy of a Domain Transfer Network: the arithmetic by hand, and the measure of a trained transformer
/// against f in TorchSharp (or against the constancy encoder, when L_CONST has its own).
/// </summary>
[TestClass]
public sealed class DomainTransferConstancyTests
{
    private const int Side = 16;

    [TestMethod]
    public void MeanRelativeDistancesMatchAHandComputation()
    {
        // Two source rows, so each one's random other is forced; one target row, so the random target is forced.
        float[][] source = [[3, 4], [0, 2]];          // ‖f(s)‖ = 5 and 2
        float[][] transferred = [[3, 0], [0, 1]];
        float[][] target = [[0, 0]];

        var constancy = ConstancyMeasure.Compute(source, transferred, target, seed: 7);

        // Own transfer: ‖(0, 4)‖/5 = 0.8 and ‖(0, 1)‖/2 = 0.5. The other's: ‖(3, 3)‖/5 and ‖(−3, 2)‖/2. Target: 5/5 and 2/2.
        Assert.AreEqual((0.8 + 0.5) / 2, constancy.Transferred, 1e-12);
        Assert.AreEqual((Math.Sqrt(18) / 5 + Math.Sqrt(13) / 2) / 2, constancy.RandomSource, 1e-12);
        Assert.AreEqual(1.0, constancy.RandomTarget!.Value, 1e-12);
        Assert.AreEqual(2, constancy.Count);
    }

    [TestMethod]
    public void SourceRowsWhereFIsZeroAreLeftOutAndNoTargetGivesNoTargetBaseline()
    {
        float[][] source = [[0, 0], [1, 0], [0, 1]];
        float[][] transferred = [[5, 5], [1, 0], [0, 1]];

        var constancy = ConstancyMeasure.Compute(source, transferred, target: null, seed: 1);

        Assert.AreEqual(0, constancy.Transferred, 1e-12);
        Assert.IsNull(constancy.RandomTarget);
        Assert.AreEqual(2, constancy.Count);
        Assert.ThrowsExactly<ArgumentException>(() => ConstancyMeasure.Compute([[1f]], [[1f]], null, seed: 1));
    }

    [TestMethod]
    [DataRow(false, false)]
    [DataRow(true, false)]
    [DataRow(true, true)]
    public void TrainedTransformerMeasuresWithTheEncoderOfLConstAndNamesAWrongTargetColumn(bool standardisePerDomain, bool separateConstancyEncoder)
    {
        var mlContext = new MLContext(seed: 1);
        var source = Images(mlContext, 12, channels: 1, seed: 1);
        var target = Images(mlContext, 12, channels: 3, seed: 2);
        using var encoder = Sequential(("convolution", Conv2d(3, 4, 4, stride: 2, padding: 1)), ("relu", ReLU()),
            ("flatten", Flatten()), ("linear", Linear(4 * 8 * 8, 6)));
        // With a separate constancy encoder, g reads another f, and the measure must still be that of `encoder`.
        using var otherEncoder = Sequential(("flatten", Flatten()), ("linear", Linear(3 * Side * Side, 5)));
        using var model = mlContext.Transforms.Gan.TrainDomainTransfer(new DomainTransferOptions
        {
            Target = target,
            Encoder = DomainTransferEncoder.FromModule(separateConstancyEncoder ? otherEncoder : encoder),
            ConstancyEncoder = separateConstancyEncoder ? DomainTransferEncoder.FromModule(encoder) : null,
            Epochs = 1,
            BatchSize = 4,
            Width = 4,
            SampleCount = 2,
            Seed = 1,
            TorchThreads = 2,
            StandardiseFeaturesPerDomain = standardisePerDomain,
        }).Fit(source);

        var constancy = model.MeasureConstancy(source, target, seed: 3);

        // The same mean from f in TorchSharp on the source (grey repeated to RGB) and on the transferred pixels; with
        // per-domain standardisation, by the statistics of all 12 rows of each domain (3 full batches of 4 each).
        var sourcePixels = Rows(source, "Pixels").Select(grey => grey.Concat(grey).Concat(grey).ToArray()).ToList();
        var transferred = Rows(model.Transform(source), "Transferred");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor F(IEnumerable<float[]> images) => encoder.forward(stack(images.Select(i => tensor(i, [3, Side, Side])).ToList()) / 127.5 - 1);
        var (sourceFeatures, transferredFeatures) = (F(sourcePixels), F(transferred));
        if (standardisePerDomain)
        {
            transferredFeatures = Standardised(transferredFeatures, F(Rows(target, "Pixels")));
            sourceFeatures = Standardised(sourceFeatures, sourceFeatures);
        }
        var expected = ((sourceFeatures - transferredFeatures).norm(1, false) / sourceFeatures.norm(1, false)).mean().item<float>();
        Assert.AreEqual(12, constancy.Count);
        Assert.AreEqual(expected, constancy.Transferred, 1e-4 * expected);
        Assert.IsTrue(constancy.RandomSource > 0 && constancy.RandomTarget > 0, "baselines missing");

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.MeasureConstancy(source, source, seed: 3));
        StringAssert.Contains(error.Message, "'Pixels'");
        StringAssert.Contains(error.Message, $"{3 * Side * Side}");
    }

    /// <summary><paramref name="features"/> standardised per feature by the mean and (population) deviation of <paramref name="domain"/>'s.</summary>
    private static Tensor Standardised(Tensor features, Tensor domain) =>
        (features - domain.mean([0L])) / domain.std(0, unbiased: false);

    private static List<float[]> Rows(IDataView data, string column) =>
        data.GetColumn<VBuffer<float>>(column).Select(v => v.DenseValues().ToArray()).ToList();

    private static IDataView Images(MLContext mlContext, int rows, int channels, int seed) =>
        PixelRows.Create(mlContext, rows, [channels, Side, Side], row =>
        {
            var random = new Random((seed * 10_000) + row);
            return Enumerable.Range(0, channels * Side * Side).Select(_ => (float)random.Next(256)).ToArray();
        });
}
