using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan;

/// <summary>
/// A generator as the latent-space tools use it: any transformer that maps a latent column to a planar pixels column
/// (a <see cref="GanGeneratorTransformer"/>, or a generator.zip loaded with stock ML.NET), with its latent size and
/// image shape read from the schema, decoding chosen latent vectors to images.
/// </summary>
public sealed class GeneratorModel : IDisposable
{
    private readonly bool _ownsTransformer;

    private GeneratorModel(ITransformer transformer, string latentColumnName, int latentSize, string pixelsColumnName,
        ImageShape imageShape, string? modelPath, bool ownsTransformer)
    {
        Transformer = transformer;
        LatentColumnName = latentColumnName;
        LatentSize = latentSize;
        PixelsColumnName = pixelsColumnName;
        ImageShape = imageShape;
        ModelPath = modelPath;
        _ownsTransformer = ownsTransformer;
    }

    /// <summary>The generator transformer.</summary>
    public ITransformer Transformer { get; }

    /// <summary>Name of the latent input column.</summary>
    public string LatentColumnName { get; }

    /// <summary>Length of the latent vector.</summary>
    public int LatentSize { get; }

    /// <summary>Name of the pixels output column.</summary>
    public string PixelsColumnName { get; }

    /// <summary>Shape of the generated images.</summary>
    public ImageShape ImageShape { get; }

    /// <summary>Full path of the zip the generator was loaded from; null for one held in memory.</summary>
    public string? ModelPath { get; }

    /// <summary>Loads a generator.zip (as the Samples' <c>dcgan</c> and <c>gan</c> commands save it) with stock ML.NET.</summary>
    /// <param name="mlContext">The context to load with.</param>
    /// <param name="modelPath">The zip saved from a <see cref="GanGeneratorTransformer"/>.</param>
    /// <param name="latentColumnName">Name of the latent input column.</param>
    /// <param name="pixelsColumnName">Name of the pixels output column.</param>
    /// <exception cref="FileNotFoundException">The file does not exist; the message names it.</exception>
    /// <exception cref="InvalidDataException">The file is not a loadable ML.NET model, or not a generator; the message names it.</exception>
    public static GeneratorModel Load(MLContext mlContext, string modelPath,
        string latentColumnName = GanTrainerOptions.Defaults.LatentColumnName, string pixelsColumnName = GanTrainerOptions.Defaults.InputColumnName)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        var fullPath = Path.GetFullPath(modelPath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Model file '{fullPath}' does not exist: expected a generator.zip saved by Microsoft.ML.Gan.", fullPath);
        }
        ITransformer transformer;
        DataViewSchema inputSchema;
        try
        {
            transformer = mlContext.Model.Load(fullPath, out inputSchema);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new InvalidDataException($"Model file '{fullPath}' is not a loadable ML.NET model (truncated or corrupted?): {error.Message}", error);
        }
        try
        {
            return Create(transformer, inputSchema, latentColumnName, pixelsColumnName, fullPath);
        }
        catch (ArgumentException error)
        {
            (transformer as IDisposable)?.Dispose();
            throw new InvalidDataException($"Model file '{fullPath}' is not a generator of Microsoft.ML.Gan: {error.Message}", error);
        }
    }

    /// <summary>Wraps a generator held in memory; disposing the model leaves <paramref name="generator"/> to its owner.</summary>
    /// <param name="generator">The trained generator.</param>
    public static GeneratorModel From(GanGeneratorTransformer generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return new GeneratorModel(generator, generator.LatentColumnName, generator.LatentSize, generator.PixelsColumnName,
            generator.ImageShape, modelPath: null, ownsTransformer: false);
    }

    /// <summary>Draws <paramref name="count"/> latents of this generator's size (see <see cref="LatentVectors.Draw"/>).</summary>
    /// <param name="count">Number of latents.</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="distribution">The distribution the generator was trained with.</param>
    public float[][] DrawLatents(int count, int seed, LatentDistribution distribution = LatentDistribution.Normal) =>
        LatentVectors.Draw(LatentSize, count, seed, distribution);

    /// <summary>The images of <paramref name="latents"/>, in order: planar <see cref="ImageShape"/> values in 0..255.</summary>
    /// <param name="latents">Latent vectors of <see cref="LatentSize"/> values each.</param>
    /// <exception cref="ArgumentException">A latent has another length than <see cref="LatentSize"/>.</exception>
    public float[][] Generate(IReadOnlyList<float[]> latents)
    {
        var size = LatentMath.CheckSameSize(latents, nameof(latents));
        if (size != LatentSize)
        {
            throw new ArgumentException($"This generator reads latents of {LatentSize} values; found latents of {size}.", nameof(latents));
        }
        var generated = Transformer.Transform(LatentVectors.Create(LatentColumnName, latents));
        return [.. VectorColumn.Read(generated, PixelsColumnName)];
    }

    /// <summary>Disposes a transformer this model loaded.</summary>
    public void Dispose()
    {
        if (_ownsTransformer)
        {
            (Transformer as IDisposable)?.Dispose();
        }
    }

    private static GeneratorModel Create(ITransformer transformer, DataViewSchema inputSchema, string latentColumnName, string pixelsColumnName,
        string modelPath)
    {
        var latentType = VectorColumn.Check(inputSchema, latentColumnName, size: null, "latent vector");
        var outputSchema = transformer.GetOutputSchema(inputSchema);
        var pixelsType = VectorColumn.Check(outputSchema, pixelsColumnName, size: null, "generated image, planar C×H×W");
        var dimensions = pixelsType.Dimensions;
        if (dimensions.Length < 3)
        {
            throw new ArgumentException($"column '{pixelsColumnName}' should have the dimensions C, H, W; found [{string.Join(", ", dimensions)}].");
        }
        var shape = new ImageShape(dimensions[^3], dimensions[^2], dimensions[^1]);
        return new GeneratorModel(transformer, latentColumnName, latentType.Size, pixelsColumnName, shape, modelPath, ownsTransformer: true);
    }
}
