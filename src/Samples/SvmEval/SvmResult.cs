namespace Microsoft.ML.Gan.Samples.SvmEval;

/// <summary>What one label draw gave one representation on the test rows.</summary>
/// <param name="MicroAccuracy">Fraction of test rows classified right.</param>
/// <param name="MacroAccuracy">Mean over classes of the fraction of that class classified right.</param>
/// <param name="Lambda">The regularisation the validation rows chose.</param>
/// <param name="ValidationAccuracy">The micro accuracy on the validation rows at that regularisation.</param>
internal sealed record SvmResult(double MicroAccuracy, double MacroAccuracy, float Lambda, double ValidationAccuracy);
