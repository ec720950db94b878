namespace Microsoft.ML.Gan;

/// <summary>
/// How well groups of duplicates match known (planted) pairs. Every two rows of one group form a flagged pair; a
/// flagged pair that is a known pair is a true positive, any other flagged pair a false positive (so a genuine
/// duplicate in the original images also counts against precision).
/// </summary>
/// <param name="KnownPairs">Pairs known to be duplicates.</param>
/// <param name="FoundPairs">Known pairs whose two rows share a group (true positives).</param>
/// <param name="FlaggedPairs">Pairs of rows that share a group, over all groups: Σ n(n − 1)/2.</param>
public readonly record struct DuplicateDetectionScore(int KnownPairs, int FoundPairs, long FlaggedPairs)
{
    /// <summary>Found pairs over known pairs; NaN without known pairs.</summary>
    public double Recall => KnownPairs == 0 ? double.NaN : (double)FoundPairs / KnownPairs;

    /// <summary>Found pairs over flagged pairs; NaN when nothing is flagged.</summary>
    public double Precision => FlaggedPairs == 0 ? double.NaN : (double)FoundPairs / FlaggedPairs;

    /// <summary>Flagged pairs that are not known pairs.</summary>
    public long FalsePositives => FlaggedPairs - FoundPairs;
}
