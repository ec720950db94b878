namespace Microsoft.ML.Gan.Samples.SvmEval;

/// <summary>How the representation test scales features before the SVM.</summary>
internal enum FeatureScaling
{
    /// <summary>NormalizeMinMax: each feature to [0, 1] over the training rows.</summary>
    MinMax,
    /// <summary>NormalizeMeanVariance: each feature to zero mean and unit variance over the training rows.</summary>
    MeanVariance,
    /// <summary>NormalizeLpNorm: each row to unit L2 length.</summary>
    UnitLength,
    /// <summary>NormalizeMeanVariance, then each row to unit L2 length.</summary>
    MeanVarianceUnitLength,
}
