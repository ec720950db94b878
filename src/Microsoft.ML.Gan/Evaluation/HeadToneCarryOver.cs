using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Evaluation;

/// <summary>
/// Whether a face's tones carry over: the mean luminance of one part of the head in each photograph and in G of it,
/// and the Pearson correlation of the two over the photographs. The parts are fixed rectangles of a centred portrait,
/// so they are crude: a fringe, glasses or a tilted head put other things in them.
/// </summary>
internal static class HeadToneCarryOver
{
    /// <summary>Skin: below the eyes and above the mouth, across the middle half of the width.</summary>
    public static readonly ImageRegion Skin = new(Top: 0.55f, Bottom: 0.65f, Left: 0.25f, Right: 0.75f);

    /// <summary>Hair: the top of the head, across the middle third of the width.</summary>
    public static readonly ImageRegion Hair = new(Top: 0.05f, Bottom: 0.18f, Left: 0.33f, Right: 0.67f);

    /// <summary>
    /// The mean luminance of <paramref name="region"/> in <paramref name="photographs"/> and in <paramref name="transferred"/>
    /// (G of each, in the same order; planar images of the given shapes) and their correlation.
    /// </summary>
    /// <exception cref="ArgumentException">The two lists differ in length or hold fewer than two images.</exception>
    public static CarryOver Measure(IReadOnlyList<float[]> photographs, ImageShape photographShape,
        IReadOnlyList<float[]> transferred, ImageShape transferredShape, ImageRegion region) =>
        CarryOver.Of(photographs, photographShape, transferred, transferredShape, region.MeanLuminance);
}
