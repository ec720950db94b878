using Microsoft.ML.Gan.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Deduplication;

/// <summary>
/// The autoencoder's view of an image (DCGAN paper, section 4.1.1): the centre square, brought to
/// <see cref="DeduplicationOptions.CropSide"/>² by area averaging when larger or by zero padding when smaller, scaled
/// to 0..1 and flattened.
/// </summary>
internal static class CentreCrop
{
    /// <summary>Values per prepared image: C × side².</summary>
    public static int Size(ImageShape image) => image.Channels * DeduplicationOptions.CropSide * DeduplicationOptions.CropSide;

    /// <summary>Turns planar pixels [N, C, H, W] in 0..255 into [N, <see cref="Size"/>] in 0..1.</summary>
    public static Tensor Prepare(Tensor pixels)
    {
        const int side = DeduplicationOptions.CropSide;
        using var scope = NewDisposeScope();
        var height = pixels.shape[2];
        var width = pixels.shape[3];
        var square = Math.Min(height, width);
        var crop = pixels.narrow(2, (height - square) / 2, square).narrow(3, (width - square) / 2, square);
        Tensor fitted;
        if (square > side)
        {
            fitted = nn.functional.adaptive_avg_pool2d(crop, [side, side]);
        }
        else
        {
            var before = (side - square) / 2;
            var after = side - square - before;
            fitted = nn.functional.pad(crop, [before, after, before, after]);
        }
        return fitted.flatten(1).div(255f).MoveToOuterDisposeScope();
    }
}
