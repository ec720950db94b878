using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Evaluation;

/// <summary>
/// Whether a face's width carries over: each head's width in a photograph and in G of it, measured alike, and the
/// Pearson correlation of the two over the photographs. A head's width is the mean, over the rows of the cheeks (from
/// <see cref="BandTop"/> to <see cref="BandBottom"/> of the height), of the pixels that stand out from the ground, the
/// mean luminance of the two top corner patches (<see cref="ImageLuminance.Ground"/>), by more than
/// <see cref="Threshold"/>, lighter or darker (the rule the silhouette layout applies to cells), so a face lighter than
/// the ORL's dark ground and a head darker than the emoji's white are measured the same way.
/// </summary>
internal static class HeadWidthCarryOver
{
    /// <summary>The luminance step from the ground, on the 0..255 scale, past which a pixel is head.</summary>
    public const float Threshold = 0.075f * 255;

    /// <summary>The top of the measured band, as a fraction of the height.</summary>
    public const float BandTop = 0.4f;

    /// <summary>The bottom of the measured band, as a fraction of the height.</summary>
    public const float BandBottom = 0.7f;

    /// <summary>
    /// The widths of the heads of <paramref name="photographs"/> and of <paramref name="transferred"/> (G of each, in the
    /// same order; planar images of the given shapes, 0..255) and their correlation.
    /// </summary>
    /// <exception cref="ArgumentException">The two lists differ in length or hold fewer than two images.</exception>
    public static CarryOver Measure(IReadOnlyList<float[]> photographs, ImageShape photographShape,
        IReadOnlyList<float[]> transferred, ImageShape transferredShape) =>
        CarryOver.Of(photographs, photographShape, transferred, transferredShape, Width);

    /// <summary>
    /// As <see cref="Measure"/>, over each person's mean width (<paramref name="people"/> names each photograph's
    /// person), so that whether face shape carries over from one person to the next is read apart from pose.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, or the photographs are of fewer than two people.</exception>
    public static CarryOver MeasureByPerson(IReadOnlyList<float[]> photographs, ImageShape photographShape,
        IReadOnlyList<float[]> transferred, ImageShape transferredShape, IReadOnlyList<int> people) =>
        CarryOver.OfGroupMeans(photographs, photographShape, transferred, transferredShape, people, Width);

    /// <summary>The head's width in pixels in <paramref name="image"/> (planar <paramref name="shape"/>, 0..255).</summary>
    public static double Width(float[] image, ImageShape shape)
    {
        var luminance = ImageLuminance.Of(image, shape);
        var ground = ImageLuminance.Ground(luminance, shape.Width);
        var (top, bottom) = ((int)(shape.Height * BandTop), (int)(shape.Height * BandBottom));
        var figure = 0;
        for (var pixel = top * shape.Width; pixel < bottom * shape.Width; pixel++)
        {
            figure += Math.Abs(luminance[pixel] - ground) > Threshold ? 1 : 0;
        }
        return (double)figure / (bottom - top);
    }
}
