using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// Where a head stands out from its ground, and how light or dark it is. A fine grid of cells (figure cells) gives each
/// cell's mean luminance; the ground is the mean of the two top corner cells. The features are, row by row, the tone of
/// each cell of a coarser grid (tone cells), σ(mean luminance), and then the silhouette of each figure cell,
/// σ(<see cref="Steepness"/> · (|cell − ground| − <see cref="Threshold"/>)): near 1 where the cell differs from the
/// ground, lighter or darker, near 0 where it is ground. A face lighter than a dark ground and one darker than a white
/// ground have the same silhouette, so its outline carries over between such domains where the luminance alone would
/// reverse it. A convolution to the figure cells' means, a flatten, and linear layers around a ReLU
/// (|d| = ReLU(d) + ReLU(−d)) and a sigmoid, so it exports to ONNX as any encoder's layers do.
/// </summary>
internal static class SilhouetteLayout
{
    /// <summary>The luminance step from the ground, on the [-1, 1] scale, at which a cell is half figure.</summary>
    public const float Threshold = 0.15f;

    /// <summary>How sharply a cell turns from ground to figure around <see cref="Threshold"/>.</summary>
    public const float Steepness = 20f;

    private const string Name = "silhouette layout";
    private const string FigureCells = "figure cells";

    // The tones are lifted by this much before the ReLU, which then passes them whole ([-1, 1] images), and lowered again after it.
    private const float Lift = 1f;

    /// <summary>
    /// The layers for images of <paramref name="image"/>: [N, C, H, W] to [N, toneCells² + figureCells²], every
    /// tone first, then every silhouette value.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="figureCells"/> is under 2 or does not divide the image's height and width into square cells, or
    /// <paramref name="toneCells"/> is not positive or does not divide <paramref name="figureCells"/>.
    /// </exception>
    public static Sequential Create(ImageShape image, int toneCells, int figureCells)
    {
        CheckCells(toneCells, figureCells);
        var cellSize = ToneAndFigureGrid.CellSize(Name, image, figureCells, FigureCells);
        var (tones, figures) = (toneCells * toneCells, figureCells * figureCells);
        var cellMeans = nn.Conv2d(image.Channels, 1, cellSize, stride: cellSize);
        var split = nn.Linear(figures, tones + (2 * figures));
        var merge = nn.Linear(tones + (2 * figures), tones + figures);
        using (no_grad())
        using (var shares = LuminanceInput.Shares(image.Channels, cellMeans.weight!.device))
        {
            cellMeans.weight!.copy_(shares.div(cellSize * cellSize).view(1, -1, 1, 1).expand_as(cellMeans.weight!));
            cellMeans.bias!.zero_();
            SetSplit(split, toneCells, figureCells);
            SetMerge(merge, tones, figures);
        }
        return nn.Sequential(("cells", cellMeans), ("flatten", nn.Flatten()), ("split", split), ("rectify", nn.ReLU()),
            ("merge", merge), ("squash", nn.Sigmoid()));
    }

    /// <summary>Refuses grids the layout cannot have whatever the image: figure cells under 2, tone cells that do not divide them.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The grids are such.</exception>
    public static void CheckCells(int toneCells, int figureCells) => ToneAndFigureGrid.Check(Name, toneCells, figureCells, FigureCells);

    /// <summary>
    /// Outputs 0 to tones − 1: each tone cell's mean of its figure cells plus <see cref="Lift"/>; then each figure cell
    /// less the ground, then the negatives of those.
    /// </summary>
    private static void SetSplit(Linear split, int toneCells, int figureCells)
    {
        using var scope = NewDisposeScope();
        var (tones, figures, block) = (toneCells * toneCells, figureCells * figureCells, figureCells / toneCells);
        var weight = split.weight!;
        weight.zero_();
        for (var cell = 0; cell < figures; cell++)
        {
            var (row, column) = (cell / figureCells, cell % figureCells);
            weight[(row / block * toneCells) + (column / block), cell].fill_(1f / (block * block));
        }
        var fromGround = eye(figures);
        fromGround[TensorIndex.Colon, 0].sub_(0.5f);
        fromGround[TensorIndex.Colon, figureCells - 1].sub_(0.5f);
        weight[TensorIndex.Slice(tones, tones + figures)].copy_(fromGround);
        weight[TensorIndex.Slice(tones + figures, null)].copy_(-fromGround);
        split.bias!.zero_();
        split.bias![TensorIndex.Slice(0, tones)].fill_(Lift);
    }

    /// <summary>
    /// Outputs 0 to tones − 1: the tones less <see cref="Lift"/>; then, for each figure cell, the two rectified steps
    /// from the ground summed (|cell − ground|), scaled by <see cref="Steepness"/> and lowered by its threshold.
    /// </summary>
    private static void SetMerge(Linear merge, int tones, int figures)
    {
        using var scope = NewDisposeScope();
        var weight = merge.weight!;
        weight.zero_();
        weight[TensorIndex.Slice(0, tones), TensorIndex.Slice(0, tones)].copy_(eye(tones));
        var steps = eye(figures).mul(Steepness);
        weight[TensorIndex.Slice(tones, null), TensorIndex.Slice(tones, tones + figures)].copy_(steps);
        weight[TensorIndex.Slice(tones, null), TensorIndex.Slice(tones + figures, null)].copy_(steps);
        merge.bias!.zero_();
        merge.bias![TensorIndex.Slice(0, tones)].fill_(-Lift);
        merge.bias![TensorIndex.Slice(tones, null)].fill_(-Steepness * Threshold);
    }
}
