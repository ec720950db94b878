using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Deduplication;

/// <summary>
/// The autoencoder's view of an image (DCGAN paper, section 4.1.1): the centre square, brought to
/// <see cref="DeduplicationOptions.CropSide"/>² by area averaging when larger or by zero padding when smaller, scaled
/// to 0..1 and flattened. The autoencoder's code reads it centred on the training set's mean prepared image.
/// </summary>
internal static class CentreCrop
{
    /// <summary>Values per prepared image: C × side².</summary>
    public static int Size(ImageShape image) => image.Channels * DeduplicationOptions.CropSide * DeduplicationOptions.CropSide;

    /// <summary>
    /// The mean of <paramref name="map"/> over the prepared images of one pass over the reader (the mean prepared image
    /// itself when <paramref name="map"/> is null), on <paramref name="device"/>.
    /// </summary>
    public static Tensor Mean(PixelBatchReader reader, Device device, Func<Tensor, Tensor>? map, CancellationToken cancellationToken)
    {
        using var noGrad = no_grad();
        Tensor? sum = null;
        long count = 0;
        foreach (var batch in reader.ReadEpoch(0, cancellationToken))
        {
            using var noGc = NoGcRegion.Enter();
            using var scope = NewDisposeScope();
            var prepared = Prepare(reader.Images(batch).to(device));
            var batchSum = (map?.Invoke(prepared) ?? prepared).sum(dim: 0);
            if (sum is null)
            {
                sum = batchSum.MoveToOuterDisposeScope();
            }
            else
            {
                sum.add_(batchSum);
            }
            count += batch.Count;
        }
        using (NoGcRegion.Enter())
        {
            sum!.div_(count);
        }
        return sum;
    }

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
