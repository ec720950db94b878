namespace Microsoft.ML.Gan;

public sealed partial class GanCatalog
{
    /// <summary>
    /// De-duplicates images as in the DCGAN paper (section 4.1.1): trains a denoising autoencoder whose thresholded
    /// code is a 128-bit semantic hash, and groups images with equal hashes.
    /// </summary>
    /// <param name="inputColumnName">Name of the image column: a known-size Single vector, planar C×H×W, 0..255.</param>
    /// <param name="epochs">Passes of the autoencoder over the training data.</param>
    /// <param name="seed">Seed of weights, noise, dropout and data order; null to take one from the MLContext.</param>
    /// <returns>An estimator whose transformer adds the group and duplicate flag columns.</returns>
    /// <remarks>
    /// <para>Input: <paramref name="inputColumnName"/>, a known-size vector of Single (ExtractPixels' defaults give it).</para>
    /// <para>Output: <see cref="DeduplicationOptions.GroupColumnName"/> (UInt32) and
    /// <see cref="DeduplicationOptions.IsDuplicateColumnName"/> (Boolean: true for every row of a group but its first).
    /// <see cref="DeduplicationTransformer.RemoveDuplicates"/> keeps one row per group;
    /// <see cref="DeduplicationTransformer.FindGroups"/> lists the groups.</para>
    /// </remarks>
    public DeduplicationEstimator Deduplicate(
        string inputColumnName = DeduplicationOptions.Defaults.InputColumnName,
        int epochs = DeduplicationOptions.Defaults.Epochs,
        int? seed = null) =>
        Deduplicate(new DeduplicationOptions { InputColumnName = inputColumnName, Epochs = epochs, Seed = seed });

    /// <summary>De-duplicates images with all options.</summary>
    /// <param name="options">The options; see <see cref="DeduplicationOptions"/>.</param>
    /// <returns>An estimator whose transformer adds the group and duplicate flag columns.</returns>
    public DeduplicationEstimator Deduplicate(DeduplicationOptions options) => new(_transforms, options);
}
