using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Reporting;

namespace Microsoft.ML.Gan.Samples.DomainTransfer;

/// <summary>
/// A PNG grid of rows of photographs, each row followed by the row of G of them; grey photographs are shown as RGB
/// when G's images are.
/// </summary>
internal static class BeforeAfterGrid
{
    /// <summary>
    /// Saves <paramref name="rows"/> (each a row of photographs and G of them, <paramref name="columns"/> of each) to
    /// <paramref name="path"/>, every image shown at least 64 pixels high.
    /// </summary>
    public static void Save(IEnumerable<(IEnumerable<float[]> Photographs, IEnumerable<float[]> Transferred)> rows,
        ImageShape sourceShape, ImageShape targetShape, int columns, string path)
    {
        var repeats = targetShape.Channels / sourceShape.Channels;
        var pixels = new List<float>();
        foreach (var (photographs, transferred) in rows)
        {
            foreach (var photograph in photographs)
            {
                for (var repeat = 0; repeat < repeats; repeat++)
                {
                    pixels.AddRange(photograph);
                }
            }
            pixels.AddRange(transferred.SelectMany(image => image));
        }
        ImageGrid.SavePng(pixels.ToArray(), pixels.Count / targetShape.Size, targetShape.Channels, targetShape.Height, targetShape.Width, path,
            columns, scale: Math.Max(1, 64 / targetShape.Height));
    }
}
