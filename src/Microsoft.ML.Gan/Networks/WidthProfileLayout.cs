using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// How wide a head on a white ground is at each height, and how light or dark it is. Every pixel is read twice: its
/// tone, σ(luminance), and whether it is figure, σ(<see cref="Steepness"/> · (1 − luminance − <see cref="Threshold"/>)):
/// near 1 where it is darker than white by more than the threshold, near 0 on the ground (the [-1, 1] scale, white 1).
/// The features are, row by row, the mean tone of each cell of a tone cells × tone cells grid, and then, from the top
/// down, the mean figure of each of bands horizontal bands: the share of the band's width the head fills, so a head's
/// outline from crown to chin (a bald crown, long hair at the sides, a narrow chin) in a few numbers that do not hang
/// on where within a band its edge falls. A 1 × 1 convolution to the two readings, a sigmoid, a convolution to the
/// means of square cells one band high, a flatten and a linear layer to the tones and band widths, so it exports to
/// ONNX as any encoder's layers do. Its ground is white: emoji, and photographs whitened first (<c>mlContext.Data.WhitenGround</c>).
/// </summary>
internal static class WidthProfileLayout
{
    /// <summary>How much darker than white, on the [-1, 1] scale, a pixel is when it is half figure.</summary>
    public const float Threshold = 0.15f;

    /// <summary>How sharply a pixel turns from ground to figure around <see cref="Threshold"/>.</summary>
    public const float Steepness = 20f;

    private const float White = 1f;
    private const string Name = "width profile";
    private const string Bands = "bands";

    /// <summary>
    /// The layers for images of <paramref name="image"/>: [N, C, H, W] to [N, toneCells² + bands], every tone first,
    /// then every band's width from the top.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="bands"/> is under 2 or does not divide the square image's side, or <paramref name="toneCells"/>
    /// is not positive or does not divide <paramref name="bands"/>.
    /// </exception>
    public static Sequential Create(ImageShape image, int toneCells, int bands)
    {
        CheckCells(toneCells, bands);
        var cellSize = ToneAndFigureGrid.CellSize(Name, image, bands, Bands);
        var readings = nn.Conv2d(image.Channels, 2, 1);
        var cellMeans = nn.Conv2d(2, 2, cellSize, stride: cellSize);
        var profile = nn.Linear(2 * bands * bands, (toneCells * toneCells) + bands);
        using (no_grad())
        using (var shares = LuminanceInput.Shares(image.Channels, readings.weight!.device))
        {
            SetReadings(readings, shares);
            SetCellMeans(cellMeans, cellSize);
            SetProfile(profile, toneCells, bands);
        }
        return nn.Sequential(("readings", readings), ("squash", nn.Sigmoid()), ("cells", cellMeans), ("flatten", nn.Flatten()),
            ("profile", profile));
    }

    /// <summary>Refuses grids the profile cannot have whatever the image: bands under 2, tone cells that do not divide them.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The grids are such.</exception>
    public static void CheckCells(int toneCells, int bands) => ToneAndFigureGrid.Check(Name, toneCells, bands, Bands);

    /// <summary>Map 0: the pixel's luminance; map 1: <see cref="Steepness"/> times its step below white, less the threshold.</summary>
    private static void SetReadings(Conv2d readings, Tensor shares)
    {
        using var scope = NewDisposeScope();
        var weight = readings.weight!;
        weight[0].copy_(shares.view(-1, 1, 1));
        weight[1].copy_(shares.mul(-Steepness).view(-1, 1, 1));
        readings.bias!.copy_(tensor(new[] { 0f, Steepness * (White - Threshold) }));
    }

    /// <summary>Each map's mean over each square cell, one band high.</summary>
    private static void SetCellMeans(Conv2d cellMeans, int cellSize)
    {
        var weight = cellMeans.weight!;
        weight.zero_();
        var mean = 1f / (cellSize * cellSize);
        weight[0, 0].fill_(mean);
        weight[1, 1].fill_(mean);
        cellMeans.bias!.zero_();
    }

    /// <summary>
    /// Outputs 0 to tones − 1: each tone cell's mean of the tone map's cells; then each band's mean of the figure map's
    /// cells in that row.
    /// </summary>
    private static void SetProfile(Linear profile, int toneCells, int bands)
    {
        var (tones, cells, block) = (toneCells * toneCells, bands * bands, bands / toneCells);
        var weight = profile.weight!;
        weight.zero_();
        for (var cell = 0; cell < cells; cell++)
        {
            var (row, column) = (cell / bands, cell % bands);
            weight[(row / block * toneCells) + (column / block), cell].fill_(1f / (block * block));
            weight[tones + row, cells + cell].fill_(1f / bands);
        }
        profile.bias!.zero_();
    }
}
