namespace Microsoft.ML.Gan;

public sealed partial class GanCatalog
{
    /// <summary>Trains a small LeNet-like classifier on labelled images, the feature extractor of <see cref="GanEvaluator"/>.</summary>
    /// <param name="options">The options; see <see cref="DigitClassifierOptions"/>. Null for the defaults.</param>
    /// <returns>An estimator whose transformer is the trained <see cref="DigitClassifier"/>.</returns>
    /// <remarks>
    /// <para>Input: <see cref="DigitClassifierOptions.InputColumnName"/>, a known-size vector of Single (planar C×H×W,
    /// 0..255), and <see cref="DigitClassifierOptions.LabelColumnName"/>, a number holding the class index.</para>
    /// <para>Output: <see cref="DigitClassifierOptions.ProbabilitiesColumnName"/> and
    /// <see cref="DigitClassifierOptions.FeaturesColumnName"/>, known-size vectors of Single.</para>
    /// </remarks>
    public DigitClassifierEstimator TrainDigitClassifier(DigitClassifierOptions? options = null) => new(_transforms, options ?? new DigitClassifierOptions());
}
