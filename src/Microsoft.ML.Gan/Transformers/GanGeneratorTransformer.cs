using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan;

/// <summary>
/// A trained GAN generator as an ML.NET transformer: maps a latent vector column to generated pixels (planar
/// C×H×W, 0..255). Saved with <see cref="ModelOperationsCatalog.Save(ITransformer, DataViewSchema, string)"/>, it
/// loads in any ML.NET application as a stock ONNX transformer.
/// </summary>
public sealed class GanGeneratorTransformer : Transformers.OnnxBackedTransformer
{
    internal GanGeneratorTransformer(ITransformer scorer, Transformers.OnnxModelFile modelFile, string latentColumnName, int latentSize,
        LatentDistribution latentDistribution, string pixelsColumnName, ImageShape imageShape)
        : base(scorer, modelFile)
    {
        LatentColumnName = latentColumnName;
        LatentSize = latentSize;
        LatentDistribution = latentDistribution;
        PixelsColumnName = pixelsColumnName;
        ImageShape = imageShape;
    }

    /// <summary>Name of the input column: a known-size vector of <see cref="LatentSize"/> Single values.</summary>
    public string LatentColumnName { get; }

    /// <summary>Length of the latent vector.</summary>
    public int LatentSize { get; }

    /// <summary>The distribution the generator was trained on, which <see cref="CreateLatents"/> draws from.</summary>
    public LatentDistribution LatentDistribution { get; }

    /// <summary>Name of the output column: a known-size Single vector of <see cref="ImageShape"/>, 0..255.</summary>
    public string PixelsColumnName { get; }

    /// <summary>Shape of the generated images.</summary>
    public ImageShape ImageShape { get; }

    /// <summary>
    /// A data view of <paramref name="count"/> latent vectors of <see cref="LatentDistribution"/> in <see cref="LatentColumnName"/>, the
    /// same for the same <paramref name="seed"/>: the input this transformer expects.
    /// </summary>
    public IDataView CreateLatents(int count, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return LatentVectors.Create(LatentColumnName, LatentSize, count, seed, LatentDistribution);
    }

    /// <summary>Generates <paramref name="count"/> images from seeded latents: one array of <see cref="ImageShape"/> values per image.</summary>
    public IReadOnlyList<float[]> Generate(int count, int seed = 0)
    {
        var generated = Transform(CreateLatents(count, seed));
        return generated.GetColumn<VBuffer<float>>(PixelsColumnName).Select(pixels => pixels.DenseValues().ToArray()).ToList();
    }

    private protected override void CheckInput(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        VectorColumn.Check(inputSchema, LatentColumnName, LatentSize, "latent vector");
    }
}
