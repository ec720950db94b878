using Microsoft.ML.Trainers;

namespace Microsoft.ML.Gan.Samples.SvmEval;

/// <summary>
/// The classifier of the representation test: NormalizeMeanVariance when standardising, NormalizeMinMax otherwise
/// (statistics of the training rows) →
/// MapValueToKey(Label) → OneVersusAll(LinearSvm). The regularisation λ is chosen on the draw's validation rows; the
/// SVM is then trained again on all its labelled rows with that λ and measured on the test rows.
/// </summary>
internal sealed class LinearSvmProtocol(MLContext mlContext, IReadOnlyList<float> lambdas, int iterations, bool standardise)
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
        var svm = mlContext.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
        {
            LabelColumnName = FeatureTable.LabelColumn,
            FeatureColumnName = FeatureTable.FeaturesColumn,
            Lambda = lambda,
            NumberOfIterations = iterations,
        });
        IEstimator<ITransformer> normalize = standardise
            ? mlContext.Transforms.NormalizeMeanVariance(FeatureTable.FeaturesColumn)
            : mlContext.Transforms.NormalizeMinMax(FeatureTable.FeaturesColumn);
        return normalize
            .Append(mlContext.Transforms.Conversion.MapValueToKey(FeatureTable.LabelColumn))
            .Append(mlContext.MulticlassClassification.Trainers.OneVersusAll(svm, FeatureTable.LabelColumn))
            .Fit(training);
    }

    private Microsoft.ML.Data.MulticlassClassificationMetrics Evaluate(ITransformer model, IDataView rows) =>
        mlContext.MulticlassClassification.Evaluate(model.Transform(rows), FeatureTable.LabelColumn);
}
