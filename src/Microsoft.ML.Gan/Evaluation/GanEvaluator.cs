using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Evaluation;

namespace Microsoft.ML.Gan;

/// <summary>
/// Measures generated images against real ones with a <see cref="DigitClassifier"/>: the classifier score (in the
/// style of the Inception Score), the class coverage, and the Fréchet distance between classifier features. The real
/// images are read once, when the evaluator is created; <see cref="RealMetrics"/> gives their own score and coverage,
/// the ceiling to read generated scores against. <see cref="Frechet"/> measures the distance on any feature column.
/// </summary>
public sealed class GanEvaluator
{
    private readonly DigitClassifier _classifier;
    private readonly FeatureStatistics _realFeatures;

    /// <summary>Reads the real images and measures them.</summary>
    /// <param name="classifier">The classifier whose probabilities and features are used; it stays owned by the caller.</param>
    /// <param name="real">Real images in the classifier's image column (e.g. held-out digits), at least 2.</param>
    public GanEvaluator(DigitClassifier classifier, IDataView real)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(real);
        _classifier = classifier;
        var (predictions, features) = Measure(real, "real data");
        _realFeatures = features;
        RealMetrics = new GanMetrics(predictions.Score, 0, predictions.Shares, predictions.Count);
    }

    /// <summary>The real images' own metrics (their Fréchet distance is 0 by definition).</summary>
    public GanMetrics RealMetrics { get; }

    /// <summary>Measures generated images against the real ones.</summary>
    /// <param name="generated">Generated images in the classifier's image column (e.g. a generator's <c>Pixels</c>), at least 2.</param>
    /// <returns>Classifier score, class coverage and Fréchet distance to the real images.</returns>
    public GanMetrics Evaluate(IDataView generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var (predictions, features) = Measure(generated, "generated data");
        return new GanMetrics(predictions.Score, FrechetDistance.Between(_realFeatures, features), predictions.Shares, predictions.Count);
    }

    /// <summary>
    /// The Fréchet distance between Gaussians fitted to a feature column of two data views:
    /// ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2 (Σ₁Σ₂)^½), with unbiased covariances. Any known-size Single vector column will do:
    /// a GAN discriminator's <c>Features</c>, a <see cref="DigitClassifier"/>'s, or those of the user's own ONNX model.
    /// </summary>
    /// <param name="first">The first set, e.g. real images already scored by the feature extractor; at least 2 rows.</param>
    /// <param name="second">The second set, e.g. generated images scored the same way; at least 2 rows.</param>
    /// <param name="featuresColumnName">Name of the feature column in both views; the vectors must have the same length.</param>
    /// <returns>The distance, 0 for identical statistics.</returns>
    public static double Frechet(IDataView first, IDataView second, string featuresColumnName = DigitClassifierOptions.Defaults.FeaturesColumnName)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentException.ThrowIfNullOrWhiteSpace(featuresColumnName);
        var dimension = VectorColumn.Check(first.Schema, featuresColumnName, size: null, "features").Size;
        VectorColumn.Check(second.Schema, featuresColumnName, dimension, "features of the same length as in the first data view");
        return FrechetDistance.Between(Statistics(first, featuresColumnName, dimension, "first data view"),
            Statistics(second, featuresColumnName, dimension, "second data view"));
    }

    /// <summary>One pass over <paramref name="images"/> through the classifier: class statistics and feature statistics.</summary>
    private (ClassPredictionStatistics Predictions, FeatureStatistics Features) Measure(IDataView images, string dataName)
    {
        var scored = _classifier.Transform(images);
        var predictions = new ClassPredictionStatistics(_classifier.ClassCount);
        using var moments = new FeatureMoments(_classifier.FeatureCount);
        var probabilitiesColumn = scored.Schema[_classifier.ProbabilitiesColumnName];
        var featuresColumn = scored.Schema[_classifier.FeaturesColumnName];
        using var cursor = scored.GetRowCursor([probabilitiesColumn, featuresColumn]);
        var getProbabilities = cursor.GetGetter<VBuffer<float>>(probabilitiesColumn);
        var getFeatures = cursor.GetGetter<VBuffer<float>>(featuresColumn);
        VBuffer<float> probabilities = default, features = default;
        var probabilityValues = new float[_classifier.ClassCount];
        var featureValues = new float[_classifier.FeatureCount];
        while (cursor.MoveNext())
        {
            getProbabilities(ref probabilities);
            getFeatures(ref features);
            probabilities.CopyTo(probabilityValues);
            features.CopyTo(featureValues);
            predictions.Add(probabilityValues);
            moments.Add(featureValues);
        }
        CheckCount(moments.Count, dataName);
        return (predictions, moments.ToStatistics());
    }

    private static FeatureStatistics Statistics(IDataView data, string columnName, int dimension, string dataName)
    {
        using var moments = new FeatureMoments(dimension);
        var column = data.Schema[columnName];
        using var cursor = data.GetRowCursor([column]);
        var getFeatures = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> features = default;
        var values = new float[dimension];
        while (cursor.MoveNext())
        {
            getFeatures(ref features);
            features.CopyTo(values);
            moments.Add(values);
        }
        CheckCount(moments.Count, dataName);
        return moments.ToStatistics();
    }

    private static void CheckCount(long count, string dataName)
    {
        if (count < 2)
        {
            throw new ArgumentOutOfRangeException(dataName, $"The {dataName} must hold at least 2 rows for a covariance; found {count}.");
        }
    }
}
