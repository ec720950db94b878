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
    private readonly Scalar _threshold;
    private readonly int _batchSize;
    private readonly Device _device;

    /// <summary>Hashes images of <paramref name="shape"/> with <paramref name="network"/> (trained, on <paramref name="device"/>), which this instance then owns.</summary>
    public SemanticHasher(DenoisingAutoencoder network, ImageShape shape, float threshold, int batchSize, Device device)
    {
        _network = network;
        _network.eval();
        Shape = shape;
        _threshold = threshold.ToScalar();
        _batchSize = batchSize;
        _device = device;
    }

    /// <summary>The image shape the autoencoder was trained on.</summary>
    public ImageShape Shape { get; }

    /// <summary>The key of every row of <paramref name="data"/>, in cursor order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing or is not an image of <see cref="Shape"/>.</exception>
    /// <exception cref="InvalidDataException">The data has no rows, or a value that is not finite.</exception>
    public UInt128[] Hash(IDataView data, string columnName, CancellationToken cancellationToken)
    {
        using var reader = new PixelBatchReader(data, columnName, _batchSize, Shape, shuffle: false, dataName: "input data");
        var keys = new List<UInt128>();
        using var noGrad = no_grad();
        foreach (var batch in reader.ReadEpoch(0, cancellationToken))
        {
            using var noGc = NoGcRegion.Enter();
            using var scope = NewDisposeScope();
            var bits = _network.Code(CentreCrop.Prepare(reader.Images(batch).to(_device))).gt(_threshold).cpu();
            keys.AddRange(Pack(bits.data<bool>().ToArray(), batch.Count));
        }
        return [.. keys];
    }

    /// <summary>Packs <paramref name="count"/> rows of <see cref="DeduplicationOptions.CodeSize"/> bits into one key each (unit j is bit j).</summary>
    private static IEnumerable<UInt128> Pack(bool[] bits, int count)
    {
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
            yield return key;
        }
    }

    /// <summary>Releases the network and the kept scalar.</summary>
    public void Dispose()
    {
        _network.Dispose();
        _threshold.Dispose();
    }
}
