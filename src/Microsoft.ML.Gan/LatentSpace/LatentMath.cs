namespace Microsoft.ML.Gan;

/// <summary>The vector arithmetic the latent-space tools share, in double precision, with the checks of their inputs.</summary>
internal static class LatentMath
{
    /// <summary>The common length of <paramref name="vectors"/>; throws naming <paramref name="parameter"/> when there are none or their lengths differ.</summary>
    public static int CheckSameSize(IReadOnlyList<float[]> vectors, string parameter)
    {
        ArgumentNullException.ThrowIfNull(vectors, parameter);
        if (vectors.Count == 0)
        {
            throw new ArgumentException("At least one vector is needed; found none.", parameter);
        }
        var size = vectors[0]?.Length ?? throw new ArgumentException("Vector 0 is null.", parameter);
        for (var i = 0; i < vectors.Count; i++)
        {
            if (vectors[i] is not { } vector || vector.Length != size || size == 0)
            {
                throw new ArgumentException(
                    $"All vectors must have the same, non-zero length: vector 0 has {size} values, vector {i} has {vectors[i]?.Length.ToString() ?? "none (null)"}.", parameter);
            }
        }
        return size;
    }

    /// <summary>Checks that <paramref name="a"/> and <paramref name="b"/> have the same, non-zero length.</summary>
    public static void CheckPair(float[] a, float[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length || a.Length == 0)
        {
            throw new ArgumentException($"Both latents must have the same, non-zero length; found {a.Length} and {b.Length} values.", nameof(b));
        }
    }

    /// <summary>The dot product.</summary>
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }
        return sum;
    }

    /// <summary>The Euclidean norm.</summary>
    public static double Norm(ReadOnlySpan<float> a) => Math.Sqrt(Dot(a, a));

    /// <summary>The squared Euclidean distance.</summary>
    public static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var difference = (double)a[i] - b[i];
            sum += difference * difference;
        }
        return sum;
    }
}
