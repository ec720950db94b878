using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Evaluation;

/// <summary>
/// The sliced Wasserstein distance of Karras et al. 2017 (appendix D, as the official code computes it): every image's
/// Laplacian pyramid (5×5 binomial filter, mirrored borders) from its side down to 16×16; at each level 128 random 7×7
/// neighbourhoods per image (7×7×C descriptors); each set's descriptors normalised per channel (mean 0, standard
/// deviation 1 over descriptors and positions); the distance is the mean over 512 random unit directions (4 × 128) of
/// the mean absolute difference between the sorted projections of the two sets. Reported ×10³ per level. Two disjoint
/// sets of real images give the floor a generator can reach.
/// </summary>
public static class SlicedWassersteinDistance
{
    /// <summary>The side of a neighbourhood.</summary>
    public const int NeighbourhoodSize = 7;

    /// <summary>Neighbourhoods drawn per image and level.</summary>
    public const int DescriptorsPerImage = 128;

    /// <summary>Random projection directions (4 repeats of 128, as the official code draws them).</summary>
    public const int Projections = 512;

    /// <summary>The coarsest pyramid level's side.</summary>
    public const int SmallestSide = 16;

    private const int ProjectionsPerRepeat = 128;

    /// <summary>
    /// The distance between the images of <paramref name="columnName"/> in <paramref name="first"/> and
    /// <paramref name="second"/> (the same number of images, planar C×H×W; values of any scale, e.g. 0..255).
    /// </summary>
    /// <param name="first">One set of images, e.g. real ones.</param>
    /// <param name="second">The other set, e.g. generated ones, with as many images.</param>
    /// <param name="shape">The images' shape; at least 7×7.</param>
    /// <param name="columnName">The image column: a known-size Single vector.</param>
    /// <param name="seed">Seed of the neighbourhoods and directions.</param>
    /// <returns>The distance ×10³ per pyramid level.</returns>
    public static SlicedWassersteinResult Compute(IDataView first, IDataView second, ImageShape shape,
        string columnName = GanDataCatalog.PixelsColumnName, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(shape);
        var (a, b) = (Read(first, columnName, shape), Read(second, columnName, shape));
        if (a.Length != b.Length || a.Length == 0)
        {
            throw new ArgumentException($"Both sets need the same, non-zero number of images; found {a.Length / shape.Size} and {b.Length / shape.Size}.", nameof(second));
        }
        return Compute(a, b, shape, seed);
    }

    /// <summary>The distance between two sets of as many images, planar C×H×W, concatenated.</summary>
    internal static SlicedWassersteinResult Compute(float[] first, float[] second, ImageShape shape, int seed)
    {
        if (shape.Height < NeighbourhoodSize || shape.Width < NeighbourhoodSize)
        {
            throw new ArgumentException($"Images need at least {NeighbourhoodSize}×{NeighbourhoodSize} pixels for the neighbourhoods; found {shape}.", nameof(shape));
        }
        using var noGc = NoGcRegion.Enter();
        using var scope = NewDisposeScope();
        using var random = new torch.Generator((ulong)seed);
        var count = first.Length / shape.Size;
        var pyramidA = Pyramid(tensor(first, [count, shape.Channels, shape.Height, shape.Width]));
        var pyramidB = Pyramid(tensor(second, [count, shape.Channels, shape.Height, shape.Width]));
        var distances = pyramidA.Zip(pyramidB, (a, b) => 1e3 * Distance(Descriptors(a, random), Descriptors(b, random), random)).ToArray();
        return new SlicedWassersteinResult(pyramidA.Select(level => (int)level.shape[2]).ToArray(), distances);
    }

    /// <summary>Laplacian levels from the image's side down to <see cref="SmallestSide"/>, then the Gaussian level there.</summary>
    private static List<Tensor> Pyramid(Tensor images)
    {
        var channels = images.shape[1];
        var filter = Binomial(channels);
        var levels = new List<Tensor>();
        var current = images;
        while (current.shape[2] > SmallestSide && current.shape[3] > SmallestSide)
        {
            var down = functional.conv2d(functional.pad(current, [2, 2, 2, 2], PaddingModes.Reflect), filter, strides: [2, 2], groups: channels);
            levels.Add(current - Up(down, filter));
            current = down;
        }
        levels.Add(current);
        return levels;
    }

    /// <summary>Zeros between the pixels, then the binomial filter ×4 (so the mean is kept).</summary>
    private static Tensor Up(Tensor x, Tensor filter)
    {
        var (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);
        var spread = functional.pad(x.reshape(n, c, h, 1, w, 1), [0, 1, 0, 0, 0, 1]).reshape(n, c, 2 * h, 2 * w);
        return functional.conv2d(functional.pad(spread, [2, 2, 2, 2], PaddingModes.Reflect), filter * 4, groups: c);
    }

    /// <summary>The 5×5 binomial filter [1 4 6 4 1]ᵀ[1 4 6 4 1] / 256, one per channel.</summary>
    private static Tensor Binomial(long channels)
    {
        var row = tensor(new float[] { 1, 4, 6, 4, 1 }) / 16;
        return row.outer(row).expand(channels, 1, 5, 5).contiguous();
    }

    /// <summary>[N·128, C·49]: random 7×7 neighbourhoods of every image, normalised per channel over the set.</summary>
    private static Tensor Descriptors(Tensor level, torch.Generator random)
    {
        var (n, c, h, w) = (level.shape[0], level.shape[1], level.shape[2], level.shape[3]);
        var count = n * DescriptorsPerImage;
        var image = arange(n).repeat_interleave(DescriptorsPerImage);
        var y = randint(0, h - NeighbourhoodSize + 1, [count], generator: random);
        var x = randint(0, w - NeighbourhoodSize + 1, [count], generator: random);
        var windows = level.unfold(2, NeighbourhoodSize, 1).unfold(3, NeighbourhoodSize, 1);   // [N, C, H−6, W−6, 7, 7]
        var descriptors = windows.index([TensorIndex.Tensor(image), TensorIndex.Colon, TensorIndex.Tensor(y), TensorIndex.Tensor(x)]);
        var centred = descriptors - descriptors.mean([0, 2, 3], keepdim: true);
        var deviation = centred.square().mean([0, 2, 3], keepdim: true).sqrt();
        return (centred / deviation).reshape(count, -1);
    }

    /// <summary>Mean over 4 × 128 random unit directions of the mean |sorted projection difference|.</summary>
    private static double Distance(Tensor a, Tensor b, torch.Generator random)
    {
        var results = new List<double>();
        for (var repeat = 0; repeat < Projections / ProjectionsPerRepeat; repeat++)
        {
            var directions = randn([a.shape[1], ProjectionsPerRepeat], generator: random);
            directions /= directions.square().sum(0, keepdim: true).sqrt();
            var projectedA = a.matmul(directions).sort(0).Values;
            var projectedB = b.matmul(directions).sort(0).Values;
            results.Add((projectedA - projectedB).abs().mean().item<float>());
        }
        return results.Average();
    }

    private static float[] Read(IDataView data, string columnName, ImageShape shape)
    {
        var column = data.Schema.GetColumnOrNull(columnName)
            ?? throw new ArgumentException($"The data has no column '{columnName}'; expected a vector of {shape.Size} Single values ({shape}).", nameof(data));
        var values = new List<float>();
        foreach (var row in data.GetColumn<VBuffer<float>>(column))
        {
            if (row.Length != shape.Size)
            {
                throw new ArgumentException($"Column '{columnName}' holds vectors of {row.Length} values; expected {shape.Size} ({shape}).", nameof(data));
            }
            values.AddRange(row.DenseValues());
        }
        return [.. values];
    }
}
