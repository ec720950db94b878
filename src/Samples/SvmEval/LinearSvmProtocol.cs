using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.ML.Trainers;

namespace Microsoft.ML.Gan.Samples.SvmEval;

/// <summary>
/// The classifier of the representation test: the features scaled as <paramref name="scaling"/> says (each row to
/// unit length by default; per-feature statistics come from the training rows) → MapValueToKey(Label) → cache →
/// OneVersusAll(linear SVM): LinearSvm (Pegasos, <paramref name="iterations"/> passes), or with
/// <paramref name="dualSolver"/> SdcaNonCalibrated with the hinge loss, or the smoothed hinge loss with
/// <paramref name="smoothedHinge"/> (the SVM's dual solved by coordinate ascent, as LIBLINEAR does, to
/// convergence or <paramref name="iterations"/> passes). The regularisation λ is chosen from
/// <see cref="Lambdas"/> by cross-validation over the draw's folds (the largest λ among equally accurate ones);
/// the SVM is then trained again on all the draw's labelled rows with that λ and measured on the test rows. Every
/// fit has its own <see cref="MLContext"/> seeded with <paramref name="seed"/>, so the fits run in parallel
/// (<paramref name="parallelFits"/> at once) and give the same results in any order.
/// </summary>
internal sealed class LinearSvmProtocol(int iterations, FeatureScaling scaling, bool dualSolver, bool smoothedHinge,
    int seed, int parallelFits)
{
    /// <summary>
    /// The λ grid the cross-validation chooses from: half decades from 1e-6 to 10 (1e-5 to 10 until the tenth session,
    /// when moved copies of the labelled rows made the untrained discriminator's rows choose 1e-5 at every draw).
    /// </summary>
    public static readonly float[] Lambdas = [1e-6f, 3e-6f, 1e-5f, 3e-5f, 1e-4f, 3e-4f, 1e-3f, 3e-3f, 1e-2f, 3e-2f, 0.1f, 0.3f, 1f, 3f, 10f];

    /// <summary>
    /// The classifier the command line asks for: <c>--classifier sdca|linearsvm</c>, <c>--svm-loss hinge|smoothedhinge</c>
    /// (SDCA only), <c>--iterations N</c> (100), <c>--normalize l2|meanvariance|minmax|meanvariance-l2</c> (l2); the grid <see cref="Lambdas"/>.
    /// </summary>
    public static LinearSvmProtocol FromCommandLine(CommandLine options, int seed, int parallelFits)
    {
        var scaling = options.Text("--normalize", "l2") switch
        {
            "minmax" => FeatureScaling.MinMax,
            "meanvariance" => FeatureScaling.MeanVariance,
            "l2" => FeatureScaling.UnitLength,
            "meanvariance-l2" => FeatureScaling.MeanVarianceUnitLength,
            var other => throw new ArgumentException($"--normalize takes minmax, meanvariance, l2 or meanvariance-l2; found '{other}'."),
        };
        var dualSolver = options.Text("--classifier", "sdca") switch
        {
            "linearsvm" => false,
            "sdca" => true,
            var other => throw new ArgumentException($"--classifier takes linearsvm or sdca; found '{other}'."),
        };
        var smoothedHinge = options.Text("--svm-loss", "hinge") switch
        {
            "hinge" => false,
            "smoothedhinge" => true,
            var other => throw new ArgumentException($"--svm-loss takes hinge or smoothedhinge; found '{other}'."),
        };
        if (smoothedHinge && !dualSolver)
        {
            throw new ArgumentException("--svm-loss smoothedhinge needs --classifier sdca (LinearSvm minimises the hinge loss).");
        }
        return new LinearSvmProtocol(options.Number("--iterations", 100)!.Value, scaling, dualSolver, smoothedHinge, seed, parallelFits);
    }

    /// <summary>The classifier and the λ grid, for reports.</summary>
    public string Description =>
        $"{Normalizer(scaling).Name} → OneVersusAll(" +
        $"{(dualSolver ? $"SdcaNonCalibrated, {(smoothedHinge ? "smoothed hinge" : "hinge")} loss, at most" : "LinearSvm,")} {iterations} iterations), " +
        $"λ in {{{string.Join(", ", Lambdas.Select(l => l.ToString("g1", CultureInfo.InvariantCulture)))}}}";

    /// <summary>Chooses λ, trains and measures one draw of one representation; <paramref name="progress"/> hears each λ's cross-validation accuracy.</summary>
    public SvmResult Run(FeatureTable table, LabelDraw draw, int[] testRows, Action<string> progress)
    {
        var foldAccuracies = new ConcurrentDictionary<(float Lambda, int Fold), double>();
        var fits = Lambdas.SelectMany(lambda => Enumerable.Range(0, draw.Folds.Length).Select(fold => (Lambda: lambda, Fold: fold)));
        Parallel.ForEach(fits, new ParallelOptions { MaxDegreeOfParallelism = parallelFits }, fit =>
            foldAccuracies[fit] = FitAndEvaluate(table, draw.Outside(fit.Fold), draw.Folds[fit.Fold], fit.Lambda).MicroAccuracy);
        var crossValidation = Lambdas
            .Select(lambda => (Lambda: lambda, Accuracy: Enumerable.Range(0, draw.Folds.Length).Average(fold => foldAccuracies[(lambda, fold)])))
            .ToList();
        foreach (var (lambda, accuracy) in crossValidation)
        {
            progress($"λ {lambda:g1}: {accuracy:P2} cross-validated");
        }
        var (chosen, validationAccuracy) = crossValidation.OrderByDescending(candidate => candidate.Lambda).MaxBy(candidate => candidate.Accuracy);
        var test = FitAndEvaluate(table, draw.Labelled, testRows, chosen);
        return new SvmResult(test.MicroAccuracy, test.MacroAccuracy, chosen, validationAccuracy);
    }

    private Microsoft.ML.Data.MulticlassClassificationMetrics FitAndEvaluate(FeatureTable table, int[] trainingRows, int[] evaluationRows, float lambda)
    {
        var mlContext = new MLContext(seed);
        var model = Normalizer(scaling).Create(mlContext)
            .Append(mlContext.Transforms.Conversion.MapValueToKey(FeatureTable.LabelColumn))
            .AppendCacheCheckpoint(mlContext)
            .Append(OneVersusAll(mlContext, lambda))
            .Fit(table.View(mlContext, trainingRows));
        return mlContext.MulticlassClassification.Evaluate(model.Transform(table.View(mlContext, evaluationRows)), FeatureTable.LabelColumn);
    }

    /// <summary>The ML.NET normaliser of each scaling over the features column, and its name for reports.</summary>
    private static (string Name, Func<MLContext, IEstimator<ITransformer>> Create) Normalizer(FeatureScaling scaling) => scaling switch
    {
        FeatureScaling.MinMax => ("NormalizeMinMax", c => c.Transforms.NormalizeMinMax(FeatureTable.FeaturesColumn)),
        FeatureScaling.MeanVariance => ("NormalizeMeanVariance", c => c.Transforms.NormalizeMeanVariance(FeatureTable.FeaturesColumn)),
        FeatureScaling.UnitLength => ("NormalizeLpNorm (rows to unit L2 length)", c => c.Transforms.NormalizeLpNorm(FeatureTable.FeaturesColumn)),
        _ => ("NormalizeMeanVariance → NormalizeLpNorm", c => c.Transforms.NormalizeMeanVariance(FeatureTable.FeaturesColumn)
            .Append(c.Transforms.NormalizeLpNorm(FeatureTable.FeaturesColumn))),
    };

    private IEstimator<ITransformer> OneVersusAll(MLContext mlContext, float lambda) => dualSolver
        ? mlContext.MulticlassClassification.Trainers.OneVersusAll(
            mlContext.BinaryClassification.Trainers.SdcaNonCalibrated(new SdcaNonCalibratedBinaryTrainer.Options
            {
                LabelColumnName = FeatureTable.LabelColumn,
                FeatureColumnName = FeatureTable.FeaturesColumn,
                L2Regularization = lambda,
                L1Regularization = 0,
                LossFunction = smoothedHinge ? new SmoothedHingeLoss() : new HingeLoss(),
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
}
