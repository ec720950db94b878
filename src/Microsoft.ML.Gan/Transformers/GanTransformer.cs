using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Reporting;

namespace Microsoft.ML.Gan;

/// <summary>
/// A trained GAN as an ML.NET transformer. As a transformer it is the discriminator: it maps an image column
/// (planar C×H×W, 0..255) to a <c>Score</c> (the probability that the image is real, a vector of one Single) and
/// <c>Features</c> (every hidden discriminator layer max-pooled to a small grid, flattened and concatenated, as in
/// the DCGAN paper's representation test). The generator is <see cref="Generator"/>.
/// </summary>
public sealed class GanTransformer : Transformers.OnnxBackedTransformer
{
    internal GanTransformer(ITransformer scorer, Transformers.OnnxModelFile modelFile, string inputColumnName, ImageShape imageShape,
        string scoreColumnName, string featuresColumnName, int featureCount, GanGeneratorTransformer generator,
        TrainingHistory history)
        : base(scorer, modelFile)
    {
        InputColumnName = inputColumnName;
        ImageShape = imageShape;
        ScoreColumnName = scoreColumnName;
        FeaturesColumnName = featuresColumnName;
        FeatureCount = featureCount;
        Generator = generator;
        History = history;
    }

    /// <summary>Name of the image column the discriminator reads.</summary>
    public string InputColumnName { get; }

    /// <summary>Shape of the images the GAN was trained on and generates.</summary>
    public ImageShape ImageShape { get; }

    /// <summary>Name of the score column: a vector of one Single, the probability that the image is real.</summary>
    public string ScoreColumnName { get; }

    /// <summary>Name of the features column: a vector of <see cref="FeatureCount"/> Single values.</summary>
    public string FeaturesColumnName { get; }

    /// <summary>Length of the features vector.</summary>
    public int FeatureCount { get; }

    /// <summary>The trained generator (latent vector to pixels), disposed with this transformer.</summary>
    public GanGeneratorTransformer Generator { get; }

    /// <summary>Losses and discriminator scores of every training epoch.</summary>
    public TrainingHistory History { get; }

    private protected override void CheckInput(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        VectorColumn.Check(inputSchema, InputColumnName, ImageShape.Size, $"an image of {ImageShape}, planar, 0..255");
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Generator.Dispose();
        }
        base.Dispose(disposing);
    }
}
