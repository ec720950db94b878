using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Deduplication;

/// <summary>
/// Semantic hashing with a trained <see cref="DenoisingAutoencoder"/>: each image's code units, thresholded, are the
/// bits of a 128-bit key. One streaming pass over the data, in cursor order.
/// </summary>
internal sealed class SemanticHasher : IDisposable
{
    private readonly DenoisingAutoencoder _network;
    private readonly Tensor _thresholds;
    private readonly int _batchSize;
    private readonly Device _device;

    /// <summary>
    /// Hashes images of <paramref name="shape"/> with <paramref name="network"/> (trained, on <paramref name="device"/>):
    /// bit j is set when code unit j is above <paramref name="thresholds"/>[j]. This instance owns both tensors.
    /// </summary>
    public SemanticHasher(DenoisingAutoencoder network, Tensor thresholds, ImageShape shape, int batchSize, Device device)
    {
        _network = network;
        _network.eval();
        Shape = shape;
        _thresholds = thresholds;
        _batchSize = batchSize;
        _device = device;
    }

    /// <summary>The image shape the autoencoder was trained on.</summary>
    public ImageShape Shape { get; }

    /// <summary>
    /// The key of every row of <paramref name="data"/>, in cursor order, and, when <paramref name="shiftTolerance"/> is
    /// positive, the keys of the row's image shifted by up to that many pixels along each axis (null otherwise).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing or is not an image of <see cref="Shape"/>.</exception>
    /// <exception cref="InvalidDataException">The data has no rows, or a value that is not finite.</exception>
    public (UInt128[] Keys, UInt128[][]? ShiftedKeys) Hash(IDataView data, string columnName, int shiftTolerance, CancellationToken cancellationToken)
    {
        using var reader = new PixelBatchReader(data, columnName, _batchSize, Shape, shuffle: false, dataName: "input data");
        var shifts = Shifts(shiftTolerance);
        var keys = new List<UInt128>();
        var shiftedKeys = new List<UInt128[]>();
        using var noGrad = no_grad();
        foreach (var batch in reader.ReadEpoch(0, cancellationToken))
        {
            using var noGc = NoGcRegion.Enter();
            using var scope = NewDisposeScope();
            var images = reader.Images(batch).to(_device);
            keys.AddRange(Keys(images));
            if (shifts.Count > 0)
            {
                var padded = nn.functional.pad(images, [shiftTolerance, shiftTolerance, shiftTolerance, shiftTolerance], PaddingModes.Replicate);
                var byShift = shifts.Select(shift => Keys(padded.narrow(2, shiftTolerance - shift.Y, Shape.Height)
                    .narrow(3, shiftTolerance - shift.X, Shape.Width))).ToList();
                shiftedKeys.AddRange(Enumerable.Range(0, batch.Count).Select(row => byShift.Select(rowKeys => rowKeys[row]).ToArray()));
            }
        }
        return ([.. keys], shifts.Count > 0 ? [.. shiftedKeys] : null);
    }

    /// <summary>Every shift (x, y) other than (0, 0) with both coordinates within ±<paramref name="tolerance"/>.</summary>
    private static List<(int X, int Y)> Shifts(int tolerance) =>
        [.. from y in Enumerable.Range(-tolerance, 2 * tolerance + 1)
            from x in Enumerable.Range(-tolerance, 2 * tolerance + 1)
            where x != 0 || y != 0
            select (x, y)];

    /// <summary>The keys of images [N, C, H, W] in 0..255.</summary>
    private UInt128[] Keys(Tensor images)
    {
        var bits = _network.Code(CentreCrop.Prepare(images)).gt(_thresholds).cpu();
        return Pack(bits.data<bool>().ToArray(), (int)images.shape[0]);
    }

    /// <summary>Packs <paramref name="count"/> rows of <see cref="DeduplicationOptions.CodeSize"/> bits into one key each (unit j is bit j).</summary>
    private static UInt128[] Pack(bool[] bits, int count)
    {
        var keys = new UInt128[count];
        for (var row = 0; row < count; row++)
        {
            UInt128 key = 0;
            for (var unit = 0; unit < DeduplicationOptions.CodeSize; unit++)
            {
                if (bits[row * DeduplicationOptions.CodeSize + unit])
                {
                    key |= UInt128.One << unit;
                }
            }
            keys[row] = key;
        }
        return keys;
    }

    /// <summary>Releases the network and the thresholds.</summary>
    public void Dispose()
    {
        _network.Dispose();
        _thresholds.Dispose();
    }
}
