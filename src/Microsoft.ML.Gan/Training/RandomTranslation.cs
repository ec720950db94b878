using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// DiffAugment's translation (Zhao et al. 2020): every image of a batch shifted by its own random whole number of pixels,
/// up to a limit, along each axis; what moves in from outside is the background value −1 (black in [-1, 1]). The shift
/// is a crop of a padded copy, so gradients flow back to the images: the discriminator sees shifted real and generated
/// images alike, in both steps, and so cannot tell them apart by where they sit.
/// </summary>
internal sealed class RandomTranslation
{
    private readonly int _limit;

    /// <summary>Shifts of up to <paramref name="limit"/> pixels (positive).</summary>
    public RandomTranslation(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        _limit = limit;
    }

    /// <summary>
    /// The images [N, C, H, W], each shifted by its own draw from the device's generator: the rows, then the columns, of
    /// the padded batch gathered at each image's offset, on the device and without a per-image loop.
    /// </summary>
    public Tensor Apply(Tensor images)
    {
        using var scope = NewDisposeScope();
        var (count, channels, height, width) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3]);
        var padded = nn.functional.pad(images, [_limit, _limit, _limit, _limit], value: -1);
        var offsets = randint(0, (2 * _limit) + 1, [count, 2], dtype: int64, device: images.device);
        var rows = arange(height, dtype: int64, device: images.device).add(offsets.narrow(1, 0, 1));
        var columns = arange(width, dtype: int64, device: images.device).add(offsets.narrow(1, 1, 1));
        var shiftedRows = padded.gather(2, rows.view(count, 1, height, 1).expand(count, channels, height, padded.shape[3]));
        return shiftedRows.gather(3, columns.view(count, 1, 1, width).expand(count, channels, height, width)).MoveToOuterDisposeScope();
    }
}
