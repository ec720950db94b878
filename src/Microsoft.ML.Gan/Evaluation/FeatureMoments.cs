using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Evaluation;

/// <summary>
/// Accumulates feature vectors one at a time into their sum and sum of outer products (float64, with libtorch's
/// matrix products over blocks of rows), so memory is d² whatever the number of vectors. Vectors are shifted by the
/// first one before summing, which keeps the covariance accurate when the mean is large beside the spread.
/// </summary>
internal sealed class FeatureMoments : IDisposable
{
    private const int BlockRows = 256;

    private readonly int _dimension;
    private readonly double[] _block;
    private readonly double[] _shift;
    private readonly Tensor _sum;
    private readonly Tensor _products;
    private int _blockCount;

    /// <summary>Creates empty moments of vectors of length <paramref name="dimension"/>.</summary>
    public FeatureMoments(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        _dimension = dimension;
        _block = new double[checked(BlockRows * dimension)];
        _shift = new double[dimension];
        _sum = zeros(dimension, dtype: ScalarType.Float64);
        _products = zeros(dimension, dimension, dtype: ScalarType.Float64);
    }

    /// <summary>Number of vectors added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one vector; its values must be finite.</summary>
    public void Add(ReadOnlySpan<float> features)
    {
        if (features.Length != _dimension)
        {
            throw new ArgumentException($"Expected {_dimension} feature values; found {features.Length}.", nameof(features));
        }
        var row = _block.AsSpan(_blockCount * _dimension, _dimension);
        for (var i = 0; i < _dimension; i++)
        {
            if (!float.IsFinite(features[i]))
            {
                throw new ArgumentException($"Expected finite feature values; found {features[i]} at index {i} of vector {Count}.", nameof(features));
            }
            if (Count == 0)
            {
                _shift[i] = features[i];
            }
            row[i] = features[i] - _shift[i];
        }
        Count++;
        if (++_blockCount == BlockRows)
        {
            Flush();
        }
    }

    /// <summary>The mean and unbiased covariance of the vectors added; at least two are needed.</summary>
    public FeatureStatistics ToStatistics()
    {
        if (Count < 2)
        {
            throw new InvalidOperationException($"A covariance needs at least 2 feature vectors; found {Count}.");
        }
        Flush();
        using var noGc = NoGcRegion.Enter();
        using var scope = NewDisposeScope();
        var mean = _sum / Count;
        var covariance = (_products - mean.outer(_sum)) / (Count - 1);
        var shiftedMean = mean.data<double>().ToArray();
        for (var i = 0; i < _dimension; i++)
        {
            shiftedMean[i] += _shift[i];
        }
        return new FeatureStatistics(shiftedMean, covariance.contiguous().data<double>().ToArray(), Count);
    }

    private void Flush()
    {
        if (_blockCount == 0)
        {
            return;
        }
        using var noGc = NoGcRegion.Enter();
        using var scope = NewDisposeScope();
        var rows = tensor(_block, [BlockRows, _dimension]).narrow(0, 0, _blockCount);
        _sum.add_(rows.sum(dim: 0)); // a literal 0 alone would bind to sum(ScalarType)
        _products.add_(rows.t().matmul(rows));
        _blockCount = 0;
    }

    /// <summary>Releases the accumulators.</summary>
    public void Dispose()
    {
        _sum.Dispose();
        _products.Dispose();
    }
}
