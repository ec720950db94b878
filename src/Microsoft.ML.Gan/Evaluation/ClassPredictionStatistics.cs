namespace Microsoft.ML.Gan.Evaluation;

/// <summary>
/// Accumulates class probability rows p(y|x), one image at a time, for the classifier score and the class coverage.
/// The score exp(E_x[KL(p(y|x) ‖ p(y))]) is kept as two sums, since E_x[KL] = E_x[Σ_y p log p] − Σ_y p(y) log p(y)
/// with p(y) the mean row: nothing per image is stored.
/// </summary>
internal sealed class ClassPredictionStatistics
{
    // Rows come from a float softmax; a sum this far from 1 is not a probability row.
    private const double SumTolerance = 1e-3;

    private readonly double[] _probabilitySums;
    private readonly long[] _predictedCounts;
    private double _negativeEntropySum;

    /// <summary>Creates empty statistics over <paramref name="classCount"/> classes.</summary>
    public ClassPredictionStatistics(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        _probabilitySums = new double[classCount];
        _predictedCounts = new long[classCount];
    }

    /// <summary>Number of rows added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one row of class probabilities (non-negative, summing to 1).</summary>
    public void Add(ReadOnlySpan<float> probabilities)
    {
        if (probabilities.Length != _probabilitySums.Length)
        {
            throw new ArgumentException($"Expected {_probabilitySums.Length} class probabilities; found {probabilities.Length}.", nameof(probabilities));
        }
        double sum = 0;
        var predicted = 0;
        for (var y = 0; y < probabilities.Length; y++)
        {
            double p = probabilities[y];
            if (!(p >= 0) || double.IsInfinity(p))
            {
                throw new ArgumentException($"Expected probabilities in [0, 1]; found {p} for class {y}.", nameof(probabilities));
            }
            sum += p;
            if (p > probabilities[predicted])
            {
                predicted = y;
            }
        }
        if (Math.Abs(sum - 1) > SumTolerance)
        {
            throw new ArgumentException($"Expected class probabilities summing to 1; found a sum of {sum}.", nameof(probabilities));
        }
        for (var y = 0; y < probabilities.Length; y++)
        {
            double p = probabilities[y];
            _probabilitySums[y] += p;
            _negativeEntropySum += EntropyTerm(p);
        }
        _predictedCounts[predicted]++;
        Count++;
    }

    /// <summary>exp(E_x[KL(p(y|x) ‖ p(y))]): 1 when every row is the same, the number of classes when rows are one-hot and classes equally frequent.</summary>
    public double Score
    {
        get
        {
            CheckNotEmpty();
            var marginalTerm = _probabilitySums.Sum(s => EntropyTerm(s / Count));
            return Math.Exp((_negativeEntropySum / Count) - marginalTerm);
        }
    }

    /// <summary>For each class, the share of the rows whose most probable class it is (ties go to the lowest class).</summary>
    public double[] Shares
    {
        get
        {
            CheckNotEmpty();
            return [.. _predictedCounts.Select(c => (double)c / Count)];
        }
    }

    // p log p, with its limit 0 at p = 0.
    private static double EntropyTerm(double p) => p > 0 ? p * Math.Log(p) : 0;

    private void CheckNotEmpty()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("No class probabilities were added.");
        }
    }
}
