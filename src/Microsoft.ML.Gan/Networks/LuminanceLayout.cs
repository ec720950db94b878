using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// The coarse light-and-dark layout of an image: its luminance averaged over each cell of a cells × cells grid, one
/// value per cell, row by row. Where a head's hair, face and background lie and how light or dark each is (hair tone,
/// skin tone, the outline of the face) survive it; fine detail does not. A single fixed convolution (kernel and stride
/// the cell's size, the channels' luminance weights spread over the cell) and a flatten, so it exports to ONNX as
/// any encoder's layers do.
/// </summary>
internal static class LuminanceLayout
{
    /// <summary>The layers for images of <paramref name="image"/>: [N, C, H, W] to [N, cells²].</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="cells"/> is not positive, or does not divide the image's height and width into square cells.
    /// </exception>
    public static Sequential Create(ImageShape image, int cells)
    {
        if (cells < 1 || image.Height != image.Width || image.Height % cells != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cells), cells,
                $"The luminance layout splits a square image into cells × cells square cells; {cells} does not divide the {image} images.");
        }
        var cellSize = image.Height / cells;
        var convolution = nn.Conv2d(image.Channels, 1, cellSize, stride: cellSize, bias: false);
        using (no_grad())
        using (var shares = LuminanceInput.Shares(image.Channels, convolution.weight!.device))
        {
            convolution.weight!.copy_(shares.view(1, image.Channels, 1, 1).div(cellSize * cellSize).expand_as(convolution.weight));
        }
        return nn.Sequential(("cells", convolution), ("flatten", nn.Flatten()));
    }
}
