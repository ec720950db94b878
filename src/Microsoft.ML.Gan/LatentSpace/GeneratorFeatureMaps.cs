using Microsoft.ML.Data;
using Microsoft.ML.Gan.Catalog;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Onnx;
using Microsoft.ML.Gan.Transformers;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan;

/// <summary>
/// A DCGAN generator reopened from its weights (a saved generator.zip or one in memory) to look at one hidden layer:
/// read its feature maps, find the maps that draw an object (<see cref="SelectMaps"/>, the DCGAN paper's "forgetting
/// to draw" experiment) and get a generator that leaves them out (<see cref="WithoutMaps"/>), as a stock ONNX
/// transformer like the original.
/// </summary>
public sealed class GeneratorFeatureMaps : IDisposable
{
    private readonly MLContext _mlContext;
    private readonly DcganGenerator _generator;

    private GeneratorFeatureMaps(MLContext mlContext, DcganGenerator generator)
    {
        _mlContext = mlContext;
        _generator = generator;
    }

    /// <summary>Length of the latent vector.</summary>
    public int LatentSize => _generator.Layout.LatentSize;

    /// <summary>Shape of the generated images.</summary>
    public ImageShape ImageShape => _generator.Layout.Image;

    /// <summary>Number of hidden layers (0 is next to the latent, the last one next to the image).</summary>
    public int LayerCount => _generator.Norms.Count;

    /// <summary>Rebuilds the generator saved in a generator.zip of this library (DCGAN only).</summary>
    /// <param name="mlContext">The context the edited generators score in.</param>
    /// <param name="modelPath">The zip, as the Samples' <c>dcgan</c> command saves it.</param>
    /// <exception cref="FileNotFoundException">The file does not exist; the message names it.</exception>
    /// <exception cref="InvalidDataException">The file holds no DCGAN generator of this library; the message names it.</exception>
    public static GeneratorFeatureMaps Load(MLContext mlContext, string modelPath)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        var models = SavedOnnxModels.Read(modelPath);
        var source = $"Model file '{Path.GetFullPath(modelPath)}'";
        if (models.Count != 1)
        {
            throw new InvalidDataException($"{source} holds {models.Count} ONNX models; a generator.zip of Microsoft.ML.Gan holds one.");
        }
        return new GeneratorFeatureMaps(mlContext, DcganOnnxImport.Generator(models[0], source));
    }

    /// <summary>Rebuilds a trained DCGAN generator held in memory (it may be disposed afterwards).</summary>
    /// <param name="mlContext">The context the edited generators score in.</param>
    /// <param name="generator">The generator of a <c>TrainDcgan</c> model.</param>
    public static GeneratorFeatureMaps From(MLContext mlContext, GanGeneratorTransformer generator)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(generator);
        return new GeneratorFeatureMaps(mlContext, DcganOnnxImport.Generator(generator.OnnxModelBytes(), "The in-memory generator"));
    }

    /// <summary>Feature maps (channels) of hidden layer <paramref name="layer"/>.</summary>
    /// <param name="layer">The hidden layer, 0 to <see cref="LayerCount"/> − 1.</param>
    public int MapCount(int layer) => _generator.Layout.GeneratorChannels(CheckLayer(layer));

    /// <summary>Side of the maps of hidden layer <paramref name="layer"/>.</summary>
    /// <param name="layer">The hidden layer, 0 to <see cref="LayerCount"/> − 1.</param>
    public int MapSide(int layer) => _generator.Layout.GeneratorSide(CheckLayer(layer));

    /// <summary>The maps of <paramref name="layer"/> for each latent: <see cref="MapCount"/> × side × side values, planar.</summary>
    /// <param name="latents">Latents of <see cref="LatentSize"/> values.</param>
    /// <param name="layer">The hidden layer.</param>
    public float[][] Activations(IReadOnlyList<float[]> latents, int layer)
    {
        CheckLayer(layer);
        var size = LatentMath.CheckSameSize(latents, nameof(latents));
        if (size != LatentSize)
        {
            throw new ArgumentException($"This generator reads latents of {LatentSize} values; found latents of {size}.", nameof(latents));
        }
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var maps = _generator.Hidden(tensor(latents.SelectMany(latent => latent).ToArray(), [latents.Count, LatentSize]), layer).contiguous();
        var values = maps.data<float>().ToArray();
        var perLatent = values.Length / latents.Count;
        return [.. Enumerable.Range(0, latents.Count).Select(i => values.AsSpan(i * perLatent, perLatent).ToArray())];
    }

    /// <summary>
    /// Finds the maps of <paramref name="layer"/> that draw the object marked in <paramref name="objectMasks"/>: every
    /// position of the layer's maps is a sample (its activations across maps), labelled inside when at least half of the
    /// image pixels it covers are marked; an ML.NET L-BFGS logistic regression separates inside from outside, and the
    /// maps with positive weight are selected.
    /// </summary>
    /// <param name="layer">The hidden layer.</param>
    /// <param name="latents">The latents of the marked images.</param>
    /// <param name="objectMasks">For each latent, the generated image's height × width (row-major), true on the object (see <see cref="ImageBox.Mask"/>).</param>
    /// <exception cref="ArgumentException">Counts or sizes do not match, or no position falls inside (or outside) the object.</exception>
    public FeatureMapSelection SelectMaps(int layer, IReadOnlyList<float[]> latents, IReadOnlyList<bool[]> objectMasks)
    {
        ArgumentNullException.ThrowIfNull(objectMasks);
        var activations = Activations(latents, layer);
        if (objectMasks.Count != latents.Count || objectMasks.Any(mask => mask?.Length != ImageShape.Height * ImageShape.Width))
        {
            throw new ArgumentException(
                $"Give one mask of {ImageShape.Height}×{ImageShape.Width} values per latent; found {objectMasks.Count} masks for {latents.Count} latents.", nameof(objectMasks));
        }
        var (maps, side) = (MapCount(layer), MapSide(layer));
        var rows = new List<PositionRow>();
        for (var image = 0; image < latents.Count; image++)
        {
            for (var position = 0; position < side * side; position++)
            {
                var features = new float[maps];
                for (var map = 0; map < maps; map++)
                {
                    features[map] = activations[image][map * side * side + position];
                }
                rows.Add(new PositionRow { Inside = CoveredShare(objectMasks[image], side, position) >= 0.5, Features = features });
            }
        }
        var inside = rows.Count(row => row.Inside);
        if (inside == 0 || inside == rows.Count)
        {
            throw new ArgumentException(
                $"Layer {layer} has {side}×{side} positions per image; {inside} of {rows.Count} fall inside the marked object. Mark objects that cover some positions, not all.", nameof(objectMasks));
        }
        var definition = SchemaDefinition.Create(typeof(PositionRow));
        definition[nameof(PositionRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, maps);
        var data = _mlContext.Data.LoadFromEnumerable(rows, definition);
        var model = _mlContext.BinaryClassification.Trainers
            .LbfgsLogisticRegression(labelColumnName: nameof(PositionRow.Inside), featureColumnName: nameof(PositionRow.Features))
            .Fit(data);
        var weights = model.Model.SubModel.Weights.ToArray();
        var dropped = Enumerable.Range(0, maps).Where(map => weights[map] > 0).ToArray();
        return new FeatureMapSelection(layer, weights, dropped, inside, rows.Count - inside);
    }

    /// <summary>
    /// The generator with <paramref name="droppedMaps"/> of <paramref name="layer"/> set to zero at inference, exported
    /// again as ONNX and scored through ML.NET's OnnxTransformer; with no maps it computes the original generator.
    /// </summary>
    /// <param name="layer">The hidden layer.</param>
    /// <param name="droppedMaps">The maps to zero, each from 0 to <see cref="MapCount"/> − 1.</param>
    /// <param name="distribution">The latent distribution the generator was trained on (its <c>CreateLatents</c> follows it).</param>
    /// <param name="latentColumnName">Name of the latent column.</param>
    /// <param name="pixelsColumnName">Name of the pixels column.</param>
    public GanGeneratorTransformer WithoutMaps(int layer, IReadOnlyCollection<int> droppedMaps, LatentDistribution distribution = LatentDistribution.Normal,
        string latentColumnName = GanTrainerOptions.Defaults.LatentColumnName, string pixelsColumnName = GanTrainerOptions.Defaults.InputColumnName)
    {
        ArgumentNullException.ThrowIfNull(droppedMaps);
        CheckLayer(layer);
        var onnx = DcganOnnxExport.Generator(_generator, latentColumnName, pixelsColumnName, new GeneratorLayerEdit(layer, droppedMaps.ToHashSet()));
        return GanScorers.Generator(_mlContext.Transforms, GanEnvironment.From(_mlContext), onnx, latentColumnName, LatentSize, distribution,
            pixelsColumnName, ImageShape, imageColumn: null);
    }

    /// <summary>Releases the rebuilt network.</summary>
    public void Dispose() => _generator.Dispose();

    private int CheckLayer(int layer)
    {
        if (layer < 0 || layer >= LayerCount)
        {
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"This generator's hidden layers are 0 to {LayerCount - 1}.");
        }
        return layer;
    }

    /// <summary>The share of the image pixels under map position <paramref name="position"/> that are marked.</summary>
    private double CoveredShare(bool[] mask, int side, int position)
    {
        var (height, width) = (ImageShape.Height, ImageShape.Width);
        var (row, column) = Math.DivRem(position, side);
        var (top, bottom, left, right) = (row * height / side, (row + 1) * height / side, column * width / side, (column + 1) * width / side);
        var marked = 0;
        for (var y = top; y < bottom; y++)
        {
            for (var x = left; x < right; x++)
            {
                marked += mask[y * width + x] ? 1 : 0;
            }
        }
        return marked / (double)((bottom - top) * (right - left));
    }

    private sealed class PositionRow
    {
        public bool Inside;
        public float[] Features = [];
    }
}
