using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// The coarse light-and-dark layout of an image: its luminance averaged over each cell of a cells × cells grid, one
/// value per cell, row by row; with contrast, then as many values of the cells' local contrast: the cell's mean of
/// (|right − left| + |below − above|) / 2 over the luminance of each pixel's neighbours (0 beyond the image's edges).
/// Where a head's hair, face and background lie and how light or dark each is (hair tone, skin tone) survive the
/// luminance; where its outlines lie, whichever side is the lighter, the contrast; fine detail survives neither. Two
/// fixed convolutions around a ReLU (|d| = ReLU(d) + ReLU(−d)) and a flatten, so it exports to ONNX as any encoder's
/// layers do.
/// </summary>
internal static class LuminanceLayout
{
    // The pixel's luminance is lifted by this much before the ReLU, which then passes it whole ([-1, 1] images), and
    // lowered again in the cells' mean.
    private const float Lift = 1f;

    /// <summary>
    /// The layers for images of <paramref name="image"/>: [N, C, H, W] to [N, cells²], or [N, 2 · cells²] with
    /// <paramref name="contrast"/> (every cell's luminance, then every cell's contrast).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="cells"/> is not positive, or does not divide the image's height and width into square cells.
    /// </exception>
    public static Sequential Create(ImageShape image, int cells, bool contrast = false)
    {
        if (cells < 1 || image.Height != image.Width || image.Height % cells != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cells), cells,
                $"The luminance layout splits a square image into cells × cells square cells; {cells} does not divide the {image} images.");
        }
        var cellSize = image.Height / cells;
        var maps = contrast ? 5 : 1;
        var pixels = nn.Conv2d(image.Channels, maps, 3, padding: 1);
        var cellMeans = nn.Conv2d(maps, contrast ? 2 : 1, cellSize, stride: cellSize);
        using (no_grad())
        using (var shares = LuminanceInput.Shares(image.Channels, pixels.weight!.device))
        {
            SetPixelKernels(pixels, shares);
            SetCellMeans(cellMeans, cellSize);
        }
        return nn.Sequential(("pixels", pixels), ("rectify", nn.ReLU()), ("cells", cellMeans), ("flatten", nn.Flatten()));
    }

    /// <summary>
    /// Map 0: the pixel's luminance plus <see cref="Lift"/>. Maps 1 to 4, with contrast: half the luminance step
    /// across (right minus left), its negative, half the step down (below minus above), its negative.
    /// </summary>
    private static void SetPixelKernels(Conv2d pixels, Tensor shares)
    {
        using var scope = NewDisposeScope();
        var weight = pixels.weight!;
        weight.zero_();
        weight[0, TensorIndex.Colon, 1, 1].copy_(shares);
        if (weight.shape[0] > 1)
        {
            var half = shares.div(2);
            weight[1, TensorIndex.Colon, 1, 2].copy_(half);
            weight[1, TensorIndex.Colon, 1, 0].copy_(-half);
            weight[3, TensorIndex.Colon, 2, 1].copy_(half);
            weight[3, TensorIndex.Colon, 0, 1].copy_(-half);
            weight[2].copy_(-weight[1]);
            weight[4].copy_(-weight[3]);
        }
        pixels.bias!.zero_();
        pixels.bias![0].fill_(Lift);
    }

    /// <summary>Output 0: the mean of map 0 over the cell, less <see cref="Lift"/>; output 1, with contrast: the mean of maps 1 to 4.</summary>
    private static void SetCellMeans(Conv2d cellMeans, int cellSize)
    {
        var weight = cellMeans.weight!;
        var mean = 1f / (cellSize * cellSize);
        weight.zero_();
        weight[0, 0].fill_(mean);
        if (weight.shape[0] > 1)
        {
            weight[1, TensorIndex.Slice(1, 5)].fill_(mean);
        }
        cellMeans.bias!.zero_();
        cellMeans.bias![0].fill_(-Lift);
    }
}
