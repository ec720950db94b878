using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Deduplication;

namespace Microsoft.ML.Gan;

/// <summary>
/// Plants near-duplicates in a set of images, to measure a de-duplicator against known pairs: copies of random rows,
/// each shifted by 1 or 2 pixels, recoloured (contrast and brightness within ±5%) and re-encoded as a JPEG.
/// </summary>
public static class NearDuplicates
{
    /// <summary>Largest shift of a copy, in pixels along each axis.</summary>
    public const int MaxShift = 2;

    /// <summary>Largest change of contrast and of brightness, as a fraction (of the contrast, and of the 0..255 range).</summary>
    public const double MaxRecolour = 0.05;

    /// <summary>JPEG quality of the re-encoding.</summary>
    public const int JpegQuality = 90;

    /// <summary>The images followed by <paramref name="count"/> near-copies of distinct random ones.</summary>
    /// <param name="images">The images, planar C×H×W, 0..255, of <paramref name="shape"/>.</param>
    /// <param name="shape">Their shape: 1 (grey) or 3 (RGB) channels.</param>
    /// <param name="count">Copies to plant, at most the number of images.</param>
    /// <param name="seed">Seed of the choice of originals and of the changes.</param>
    /// <returns>All images (the copies after the originals, in the order of <see cref="PlantedDuplicates.Pairs"/>) and the planted pairs.</returns>
    /// <exception cref="ArgumentException">An image has another size than <paramref name="shape"/>.</exception>
    public static PlantedDuplicates Plant(IReadOnlyList<float[]> images, ImageShape shape, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, images.Count);
        if (shape.Channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, $"Expected 1 (grey) or 3 (RGB) channels, found {shape.Channels}.");
        }
        if (images.FirstOrDefault(image => image?.Length != shape.Size) is { } wrong)
        {
            throw new ArgumentException($"Expected images of {shape} = {shape.Size} values, found one of {wrong?.Length ?? 0}.", nameof(images));
        }
        var random = new Random(seed);
        var originals = Enumerable.Range(0, images.Count).ToArray();
        random.Shuffle(originals);
        var all = new List<float[]>(images);
        var pairs = new List<DuplicatePair>(count);
        foreach (var original in originals.Take(count))
        {
            pairs.Add(new DuplicatePair(original, all.Count));
            all.Add(JpegRoundTrip.Apply(Recolour(Shift(images[original], shape, random), random), shape, JpegQuality));
        }
        return new PlantedDuplicates(all, shape, pairs);
    }

    /// <summary>The image moved by 1 to <see cref="MaxShift"/> pixels (along one axis or both), the edge pixels repeated into the gap.</summary>
    private static float[] Shift(float[] image, ImageShape shape, Random random)
    {
        int dx, dy;
        do
        {
            (dx, dy) = (random.Next(-MaxShift, MaxShift + 1), random.Next(-MaxShift, MaxShift + 1));
        }
        while (dx == 0 && dy == 0);
        var shifted = new float[image.Length];
        new ImageMove(dx, dy).Apply(image, shifted, shape, repeatEdges: true);
        return shifted;
    }

    /// <summary>Contrast about mid-grey and brightness each changed by up to <see cref="MaxRecolour"/>, clamped to 0..255.</summary>
    private static float[] Recolour(float[] image, Random random)
    {
        var contrast = 1 + MaxRecolour * (2 * random.NextDouble() - 1);
        var brightness = 255 * MaxRecolour * (2 * random.NextDouble() - 1);
        return [.. image.Select(value => (float)Math.Clamp((value - 127.5) * contrast + 127.5 + brightness, 0, 255))];
    }
}
