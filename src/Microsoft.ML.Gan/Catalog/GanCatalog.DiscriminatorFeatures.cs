using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan;

public sealed partial class GanCatalog
{
    /// <summary>The features of a trained DCGAN discriminator held in memory (the DCGAN paper's representation).</summary>
    /// <param name="discriminator">The trained GAN, as <c>TrainDcgan(...).Fit</c> returns it; it may be disposed afterwards.</param>
    /// <param name="outputColumnName">Name of the features column.</param>
    /// <param name="inputColumnName">Name of the image column: a known-size Single vector, planar C×H×W, 0..255.</param>
    /// <param name="layers">The hidden layers to take (0-based, image side first); null for all.</param>
    /// <param name="grid">Side of the grid each layer is max-pooled to.</param>
    /// <returns>An estimator whose transformer adds the features column.</returns>
    /// <remarks>
    /// <para>Input: <paramref name="inputColumnName"/>, a known-size vector of Single of the discriminator's image shape.</para>
    /// <para>Output: <paramref name="outputColumnName"/>, a known-size vector of Single: the chosen layers max-pooled to
    /// <paramref name="grid"/>×<paramref name="grid"/>, flattened and concatenated. Normalise it (NormalizeMeanVariance,
    /// NormalizeMinMax) before a linear trainer such as LinearSvm.</para>
    /// </remarks>
    public DiscriminatorFeaturesEstimator DiscriminatorFeatures(
        GanTransformer discriminator,
        string outputColumnName = DiscriminatorFeaturesOptions.Defaults.OutputColumnName,
        string inputColumnName = DiscriminatorFeaturesOptions.Defaults.InputColumnName,
        int[]? layers = null,
        int grid = DiscriminatorFeaturesOptions.Defaults.Grid)
    {
        ArgumentNullException.ThrowIfNull(discriminator);
        return DiscriminatorFeatures(new DiscriminatorFeaturesOptions
        {
            Discriminator = discriminator,
            OutputColumnName = outputColumnName,
            InputColumnName = inputColumnName,
            Layers = layers,
            Grid = grid,
        });
    }

    /// <summary>The features of a DCGAN discriminator saved as a zip (discriminator.zip of the Samples' <c>dcgan</c> command).</summary>
    /// <param name="modelPath">The zip saved with <c>mlContext.Model.Save</c> from a <see cref="GanTransformer"/>.</param>
    /// <param name="outputColumnName">Name of the features column.</param>
    /// <param name="inputColumnName">Name of the image column: a known-size Single vector, planar C×H×W, 0..255.</param>
    /// <param name="layers">The hidden layers to take (0-based, image side first); null for all.</param>
    /// <param name="grid">Side of the grid each layer is max-pooled to.</param>
    /// <returns>An estimator whose transformer adds the features column.</returns>
    /// <exception cref="FileNotFoundException">The zip does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not an ML.NET zip, or not one holding a DCGAN discriminator of this library.</exception>
    /// <remarks>
    /// <para>Input: <paramref name="inputColumnName"/>, a known-size vector of Single of the discriminator's image shape.</para>
    /// <para>Output: <paramref name="outputColumnName"/>, a known-size vector of Single.</para>
    /// </remarks>
    public DiscriminatorFeaturesEstimator DiscriminatorFeatures(
        string modelPath,
        string outputColumnName = DiscriminatorFeaturesOptions.Defaults.OutputColumnName,
        string inputColumnName = DiscriminatorFeaturesOptions.Defaults.InputColumnName,
        int[]? layers = null,
        int grid = DiscriminatorFeaturesOptions.Defaults.Grid)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        return DiscriminatorFeatures(new DiscriminatorFeaturesOptions
        {
            ModelPath = modelPath,
            OutputColumnName = outputColumnName,
            InputColumnName = inputColumnName,
            Layers = layers,
            Grid = grid,
        });
    }

    /// <summary>
    /// The features of a randomly initialised DCGAN discriminator of the same architecture a trained one would have:
    /// the baseline of the representation test.
    /// </summary>
    /// <param name="imageShape">The image shape (1 or 3 channels; 28×28 or a power of two from 16 to 128).</param>
    /// <param name="outputColumnName">Name of the features column.</param>
    /// <param name="inputColumnName">Name of the image column.</param>
    /// <param name="width">Base width of the discriminator.</param>
    /// <param name="seed">Seed of the weights; null takes one from the MLContext.</param>
    /// <returns>An estimator whose transformer adds the features column.</returns>
    public DiscriminatorFeaturesEstimator UntrainedDiscriminatorFeatures(
        ImageShape imageShape,
        string outputColumnName = DiscriminatorFeaturesOptions.Defaults.OutputColumnName,
        string inputColumnName = DiscriminatorFeaturesOptions.Defaults.InputColumnName,
        int width = DiscriminatorFeaturesOptions.Defaults.UntrainedWidth,
        int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(imageShape);
        return DiscriminatorFeatures(new DiscriminatorFeaturesOptions
        {
            UntrainedImageShape = imageShape,
            UntrainedWidth = width,
            Seed = seed,
            OutputColumnName = outputColumnName,
            InputColumnName = inputColumnName,
        });
    }

    /// <summary>The features of a DCGAN discriminator with all options.</summary>
    /// <param name="options">The options; see <see cref="DiscriminatorFeaturesOptions"/>.</param>
    /// <returns>An estimator whose transformer adds the features column.</returns>
    public DiscriminatorFeaturesEstimator DiscriminatorFeatures(DiscriminatorFeaturesOptions options) => new(_transforms, options);
}
