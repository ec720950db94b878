namespace Microsoft.ML.Gan;

/// <summary>
/// Vector arithmetic on latents, as in the DCGAN paper: a concept is the mean of a few latents whose images show it
/// (the paper averages three, since one alone is unstable), and mean(A) − mean(B) + mean(C) decodes to an image with
/// the concept C plus what A has and B lacks. Jitter around the result shows how stable it is.
/// </summary>
public static class LatentArithmetic
{
    /// <summary>The element-wise mean of <paramref name="latents"/>.</summary>
    /// <param name="latents">One or more latents of the same length.</param>
    public static float[] Mean(IReadOnlyList<float[]> latents)
    {
        var size = LatentMath.CheckSameSize(latents, nameof(latents));
        var mean = new float[size];
        for (var i = 0; i < size; i++)
        {
            var sum = 0.0;
            foreach (var latent in latents)
            {
                sum += latent[i];
            }
            mean[i] = (float)(sum / latents.Count);
        }
        return mean;
    }

    /// <summary>mean(<paramref name="a"/>) − mean(<paramref name="b"/>) + mean(<paramref name="c"/>).</summary>
    /// <param name="a">The latents of concept A.</param>
    /// <param name="b">The latents of concept B, subtracted.</param>
    /// <param name="c">The latents of concept C.</param>
    public static float[] Combine(IReadOnlyList<float[]> a, IReadOnlyList<float[]> b, IReadOnlyList<float[]> c)
    {
        var (meanA, meanB, meanC) = (Mean(a), Mean(b), Mean(c));
        LatentMath.CheckPair(meanA, meanB);
        LatentMath.CheckPair(meanA, meanC);
        return [.. meanA.Select((value, i) => value - meanB[i] + meanC[i])];
    }

    /// <summary>
    /// <paramref name="count"/> latents around <paramref name="center"/>: the center itself first, then the center plus
    /// uniform noise in ±<paramref name="scale"/> on every value (the paper used ±0.25).
    /// </summary>
    /// <param name="center">The latent to jitter.</param>
    /// <param name="count">Number of latents, the center included.</param>
    /// <param name="scale">Half the width of the uniform noise.</param>
    /// <param name="seed">Seed of the noise.</param>
    public static float[][] Jitter(float[] center, int count, double scale, int seed)
    {
        ArgumentNullException.ThrowIfNull(center);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(index =>
            index == 0 ? (float[])center.Clone() : center.Select(value => (float)(value + scale * (2 * random.NextDouble() - 1))).ToArray())];
    }
}
