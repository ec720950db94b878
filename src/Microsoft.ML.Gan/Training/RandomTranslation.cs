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

    /// <summary>The images [N, C, H, W], each shifted by its own draw from torch's global generator.</summary>
    public Tensor Apply(Tensor images)
    {
        using var scope = NewDisposeScope();
        var count = images.shape[0];
        var height = images.shape[2];
        var width = images.shape[3];
        var padded = nn.functional.pad(images, [_limit, _limit, _limit, _limit], value: -1);
        using var shifts = randint(0, (2 * _limit) + 1, [count, 2], dtype: int64).cpu();
        var offsets = shifts.data<long>().ToArray();
        var shifted = new Tensor[count];
        for (var i = 0; i < count; i++)
        {
            shifted[i] = padded[i].narrow(1, offsets[2 * i], height).narrow(2, offsets[(2 * i) + 1], width);
        }
        return stack(shifted).MoveToOuterDisposeScope();
    }
}
