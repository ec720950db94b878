using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan;

/// <summary>
/// The representation a DCGAN discriminator learned, as an ML.NET transformer: maps an image column (planar C×H×W,
/// 0..255) to a features column holding the chosen hidden layers, each max-pooled to a small grid, flattened and
/// concatenated (the DCGAN paper's representation test). Scores through ML.NET's OnnxTransformer, so it saves with
/// <see cref="ModelOperationsCatalog.Save(ITransformer, DataViewSchema, string)"/> and loads in any ML.NET application.
/// </summary>
public sealed class DiscriminatorFeaturesTransformer : Transformers.OnnxBackedTransformer
{
    internal DiscriminatorFeaturesTransformer(ITransformer scorer, Transformers.OnnxModelFile modelFile, string inputColumnName,
        ImageShape imageShape, string outputColumnName, int featureCount, IReadOnlyList<int> layers, int grid)
        : base(scorer, modelFile)
    {
        InputColumnName = inputColumnName;
        ImageShape = imageShape;
        OutputColumnName = outputColumnName;
        FeatureCount = featureCount;
        Layers = layers;
        Grid = grid;
    }

    /// <summary>Name of the image column read.</summary>
    public string InputColumnName { get; }

    /// <summary>Shape of the images the discriminator reads.</summary>
    public ImageShape ImageShape { get; }

    /// <summary>Name of the features column written: a vector of <see cref="FeatureCount"/> Single values.</summary>
    public string OutputColumnName { get; }

    /// <summary>Length of the features vector.</summary>
    public int FeatureCount { get; }

    /// <summary>The hidden layers taken (0-based, image side first).</summary>
    public IReadOnlyList<int> Layers { get; }

    /// <summary>Side of the grid each layer is max-pooled to.</summary>
    public int Grid { get; }

    private protected override void CheckInput(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        VectorColumn.Check(inputSchema, InputColumnName, ImageShape.Size, $"an image of {ImageShape}, planar, 0..255");
    }
}
