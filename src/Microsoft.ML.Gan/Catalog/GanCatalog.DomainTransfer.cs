namespace Microsoft.ML.Gan;

public sealed partial class GanCatalog
{
    /// <summary>
    /// Trains a Domain Transfer Network (Taigman et al. 2016) from the source images it is fitted on to the
    /// <paramref name="target"/> domain, with the paper's digits weights (α = β = 15, γ = 0) and f the feature layers of
    /// a classifier trained on the source's <c>Label</c> column.
    /// </summary>
    /// <param name="target">The target domain's images (unpaired, unlabelled).</param>
    /// <param name="outputColumnName">Name of the output column: the transferred image.</param>
    /// <param name="inputColumnName">Name of the source image column (and of the target's): a known-size Single vector, planar C×H×W, 0..255.</param>
    /// <param name="epochs">Passes over the source data.</param>
    /// <param name="batchSize">Source images (and target images) per step.</param>
    /// <param name="trainingDirectory">Where to write before/after grids, history, report and checkpoints after every epoch; null for none.</param>
    /// <returns>An estimator whose transformer maps source images to target-domain images.</returns>
    /// <remarks>
    /// <para>Input: <paramref name="inputColumnName"/>, a known-size vector of Single of the target's height and width,
    /// grey or with the target's channels, and <c>Label</c>, the class index of each source image.</para>
    /// <para>Output: <paramref name="outputColumnName"/>, a known-size vector of Single of the target's shape, 0..255.</para>
    /// </remarks>
    public DomainTransferEstimator TrainDomainTransfer(
        IDataView target,
        string outputColumnName = DomainTransferOptions.Defaults.OutputColumnName,
        string inputColumnName = DomainTransferOptions.Defaults.InputColumnName,
        int epochs = DomainTransferOptions.Defaults.Epochs,
        int batchSize = DomainTransferOptions.Defaults.BatchSize,
        string? trainingDirectory = null)
    {
        var options = DomainTransferOptions.Digits(target);
        options.OutputColumnName = outputColumnName;
        options.InputColumnName = inputColumnName;
        options.TargetColumnName = inputColumnName;
        options.Epochs = epochs;
        options.BatchSize = batchSize;
        options.TrainingDirectory = trainingDirectory;
        return TrainDomainTransfer(options);
    }

    /// <summary>Trains a Domain Transfer Network with all options.</summary>
    /// <param name="options">The options, the target images among them; see <see cref="DomainTransferOptions"/>.</param>
    /// <returns>An estimator whose transformer maps source images to target-domain images.</returns>
    /// <remarks>
    /// <para>Input: <see cref="DomainTransferOptions.InputColumnName"/>, the source images, and whatever the encoder
    /// needs (a label column for <see cref="DomainTransferEncoder.SourceClassifier"/>).</para>
    /// <para>Output: <see cref="DomainTransferOptions.OutputColumnName"/>, a known-size vector of Single of the target's
    /// shape, 0..255; <see cref="DomainTransferOptions.OutputImageColumnName"/>, an MLImage, when set.</para>
    /// </remarks>
    public DomainTransferEstimator TrainDomainTransfer(DomainTransferOptions options) => new(_transforms, options);
}
