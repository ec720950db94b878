namespace Microsoft.ML.Gan;

/// <summary>
/// Walks through a generator's latent space, the DCGAN paper's evidence against memorisation: smooth changes along a
/// walk (rather than sharp jumps) mean the generator has learned a continuous space, not a table of training images.
/// Decode the vectors with <see cref="GeneratorModel.Generate(IReadOnlyList{float[]})"/>.
/// </summary>
public static class LatentInterpolation
{
    /// <summary>Angles below this (radians) make the arc a straight line within float precision: slerp falls back to lerp.</summary>
    private const double StraightAngle = 1e-6;

    /// <summary>The linear interpolation (1 − t)·a + t·b.</summary>
    /// <param name="a">The start, where t = 0.</param>
    /// <param name="b">The end, where t = 1; the same length as <paramref name="a"/>.</param>
    /// <param name="t">The position along the line; values outside 0..1 extrapolate.</param>
    public static float[] Lerp(float[] a, float[] b, double t)
    {
        LatentMath.CheckPair(a, b);
        return Mix(a, b, 1 - t, t);
    }

    /// <summary>
    /// The spherical interpolation of Shoemake (1985): sin((1 − t)Ω)/sin Ω · a + sin(tΩ)/sin Ω · b, where Ω is the
    /// angle between a and b. Vectors of the same norm stay on that sphere; (anti)parallel vectors fall back to lerp.
    /// </summary>
    /// <param name="a">The start, where t = 0.</param>
    /// <param name="b">The end, where t = 1; the same length as <paramref name="a"/>.</param>
    /// <param name="t">The position along the arc.</param>
    public static float[] Slerp(float[] a, float[] b, double t)
    {
        LatentMath.CheckPair(a, b);
        var norms = LatentMath.Norm(a) * LatentMath.Norm(b);
        var omega = norms == 0 ? 0 : Math.Acos(Math.Clamp(LatentMath.Dot(a, b) / norms, -1, 1));
        var sine = Math.Sin(omega);
        return sine < StraightAngle
            ? Mix(a, b, 1 - t, t)
            : Mix(a, b, Math.Sin((1 - t) * omega) / sine, Math.Sin(t * omega) / sine);
    }

    /// <summary><paramref name="steps"/> evenly spaced points from <paramref name="a"/> to <paramref name="b"/>, both ends included.</summary>
    /// <param name="a">The start.</param>
    /// <param name="b">The end.</param>
    /// <param name="steps">Number of points, at least 2.</param>
    /// <param name="kind">Linear or spherical.</param>
    public static float[][] Path(float[] a, float[] b, int steps, LatentInterpolationKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        Func<float[], float[], double, float[]> interpolate = kind switch
        {
            LatentInterpolationKind.Linear => Lerp,
            LatentInterpolationKind.Spherical => Slerp,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown interpolation kind."),
        };
        return [.. Enumerable.Range(0, steps).Select(step => interpolate(a, b, step / (double)(steps - 1)))];
    }

    /// <summary>
    /// A walk through <paramref name="points"/>: for each consecutive pair, the <see cref="Path"/> of
    /// <paramref name="steps"/> points between them, one after another ((K − 1) × M vectors for K points): one grid
    /// row of M images per pair.
    /// </summary>
    /// <param name="points">The K ≥ 2 latent points, all of the same length.</param>
    /// <param name="steps">Points per pair, ends included, at least 2.</param>
    /// <param name="kind">Linear or spherical.</param>
    public static float[][] Walk(IReadOnlyList<float[]> points, int steps, LatentInterpolationKind kind)
    {
        LatentMath.CheckSameSize(points, nameof(points));
        if (points.Count < 2)
        {
            throw new ArgumentException($"A walk needs at least 2 points; found {points.Count}.", nameof(points));
        }
        return [.. Enumerable.Range(0, points.Count - 1).SelectMany(pair => Path(points[pair], points[pair + 1], steps, kind))];
    }

    private static float[] Mix(float[] a, float[] b, double weightA, double weightB)
    {
        var mixed = new float[a.Length];
        for (var i = 0; i < mixed.Length; i++)
        {
            mixed[i] = (float)(weightA * a[i] + weightB * b[i]);
        }
        return mixed;
    }
}
