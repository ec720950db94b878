using Microsoft.ML.Trainers;

namespace Microsoft.ML.Gan.Samples.SvmEval;

/// <summary>
/// The classifier of the representation test: NormalizeMeanVariance when standardising, NormalizeMinMax otherwise
/// (statistics of the training rows) →
/// MapValueToKey(Label) → OneVersusAll(linear SVM): LinearSvm (Pegasos, <paramref name="iterations"/> passes), or with
/// <paramref name="dualSolver"/> SdcaNonCalibrated with the hinge loss (the SVM's dual solved by coordinate ascent,
/// as LIBLINEAR does, to convergence or <paramref name="iterations"/> passes). The regularisation λ is chosen on the
/// draw's validation rows; the SVM is then trained again on all its labelled rows with that λ and measured on the test rows.
/// </summary>
internal sealed class LinearSvmProtocol(MLContext mlContext, IReadOnlyList<float> lambdas, int iterations, bool standardise, bool dualSolver)
{
    /// <summary>Chooses λ, trains and measures one draw of one representation.</summary>
    public SvmResult Run(FeatureTable table, LabelDraw draw, int[] testRows)
    {
        var training = table.View(mlContext, draw.Training);
        var validation = table.View(mlContext, draw.Validation);
        var (lambda, validationAccuracy) = lambdas
            .Select(l => (Lambda: l, Accuracy: Evaluate(Fit(training, l), validation).MicroAccuracy))
            .MaxBy(candidate => candidate.Accuracy);
        var test = Evaluate(Fit(table.View(mlContext, draw.Labelled), lambda), table.View(mlContext, testRows));
        return new SvmResult(test.MicroAccuracy, test.MacroAccuracy, lambda, validationAccuracy);
    }

    private ITransformer Fit(IDataView training, float lambda)
    {
        IEstimator<ITransformer> normalize = standardise
            ? mlContext.Transforms.NormalizeMeanVariance(FeatureTable.FeaturesColumn)
            : mlContext.Transforms.NormalizeMinMax(FeatureTable.FeaturesColumn);
        return normalize
            .Append(mlContext.Transforms.Conversion.MapValueToKey(FeatureTable.LabelColumn))
            .Append(OneVersusAll(lambda))
            .Fit(training);
    }

    private IEstimator<ITransformer> OneVersusAll(float lambda) => dualSolver
        ? mlContext.MulticlassClassification.Trainers.OneVersusAll(
            mlContext.BinaryClassification.Trainers.SdcaNonCalibrated(new SdcaNonCalibratedBinaryTrainer.Options
            {
                LabelColumnName = FeatureTable.LabelColumn,
                FeatureColumnName = FeatureTable.FeaturesColumn,
                L2Regularization = lambda,
                L1Regularization = 0,
                LossFunction = new HingeLoss(),
                MaximumNumberOfIterations = iterations,
                NumberOfThreads = 1,
            }), FeatureTable.LabelColumn)
        : mlContext.MulticlassClassification.Trainers.OneVersusAll(
            mlContext.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
            {
                LabelColumnName = FeatureTable.LabelColumn,
                FeatureColumnName = FeatureTable.FeaturesColumn,
                Lambda = lambda,
                NumberOfIterations = iterations,
            }), FeatureTable.LabelColumn);

    private Microsoft.ML.Data.MulticlassClassificationMetrics Evaluate(ITransformer model, IDataView rows) =>
        mlContext.MulticlassClassification.Evaluate(model.Transform(rows), FeatureTable.LabelColumn);
}
