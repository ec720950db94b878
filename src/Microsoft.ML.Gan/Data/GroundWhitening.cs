namespace Microsoft.ML.Gan.Data;

/// <summary>
/// A portrait's ground made white. Pixels are judged by their luminance averaged over 3 × 3 neighbours, which evens out
/// the ground's grain. The ground grows from the top, left and right edges (the bottom edge seeds nothing, since a body
/// meets it) through 4-neighbours, each within a tolerance of the ground's luminance (<see cref="ImageLuminance.Ground"/>)
/// and at most a step from the neighbour it grew from, so that it follows a gradual change of lighting but stops at a
/// head's outline even where shadowed skin is as dark as the ground. A centred ellipse can be kept from the ground
/// too, for portraits whose face is centred and whose skin may be as light as the ground (the ORL's): a face's
/// middle then stays face where its outline fades into the ground. Specks the ground cannot reach can turn ground
/// too (<see cref="FigureIslands"/>), leaving the head, the largest group of the rest. The ground turns white in every
/// channel; the rest, the head and whatever the ground does not reach, is kept. This gives photographs on a dark
/// ground the white ground emoji have, so that a head's tones and outline read the same way in both domains.
/// </summary>
internal static class GroundWhitening
{
    /// <summary>
    /// <paramref name="image"/> (planar <paramref name="shape"/>, 0..<paramref name="white"/>) with its ground set to
    /// <paramref name="white"/>: the pixels reached from the top, left and right edges through pixels within
    /// <paramref name="tolerance"/> of the ground's luminance, each at most <paramref name="step"/> from the last, and
    /// outside the centred ellipse <paramref name="keptCentre"/> of the width and the height across (0: none), and,
    /// when <paramref name="dropIslands"/>, every pixel outside the largest 4-connected group of the rest.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> or <paramref name="step"/> is negative or not finite.</exception>
    public static float[] Apply(ReadOnlySpan<float> image, ImageShape shape, float tolerance, float step, float white, float keptCentre = 0,
        bool dropIslands = false)
    {
        if (!(tolerance >= 0 && float.IsFinite(tolerance)))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "A ground tolerance is a finite luminance difference of 0 or more.");
        }
        if (!(step >= 0 && float.IsFinite(step)))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "A ground step is a finite luminance difference of 0 or more.");
        }
        var (height, width) = (shape.Height, shape.Width);
        var luminance = ImageLuminance.Of(image, shape);
        var ground = ImageLuminance.Ground(luminance, width);
        var smoothed = Smoothed(luminance, height, width);
        var isGround = new bool[height * width];
        var pending = new Stack<int>();
        Span<int> neighbours = stackalloc int[4];
        for (var pixel = 0; pixel < isGround.Length; pixel++)
        {
            var (y, x) = (pixel / width, pixel % width);
            if (y == 0 || x == 0 || x == width - 1)
            {
                pending.Push(pixel);
            }
        }
        while (pending.TryPop(out var pixel))
        {
            var (y, x) = (pixel / width, pixel % width);
            if (isGround[pixel] || Math.Abs(smoothed[pixel] - ground) > tolerance || InEllipse(y, x, height, width, keptCentre))
            {
                continue;
            }
            isGround[pixel] = true;
            foreach (var neighbour in neighbours[..FourNeighbours.Of(pixel, height, width, neighbours)])
            {
                if (Math.Abs(smoothed[neighbour] - smoothed[pixel]) <= step)
                {
                    pending.Push(neighbour);
                }
            }
        }
        if (dropIslands)
        {
            FigureIslands.TurnToGround(isGround, width);
        }
        var whitened = image.ToArray();
        for (var offset = 0; offset < whitened.Length; offset += isGround.Length)
        {
            for (var pixel = 0; pixel < isGround.Length; pixel++)
            {
                whitened[offset + pixel] = isGround[pixel] ? white : whitened[offset + pixel];
            }
        }
        return whitened;
    }

    /// <summary>Whether the pixel's centre lies inside the centred ellipse <paramref name="fraction"/> of the image's width and height across.</summary>
    private static bool InEllipse(int y, int x, int height, int width, float fraction)
    {
        if (fraction == 0)
        {
            return false;
        }
        var down = (y + 0.5 - (height / 2.0)) / (fraction * height / 2.0);
        var across = (x + 0.5 - (width / 2.0)) / (fraction * width / 2.0);
        return (down * down) + (across * across) < 1;
    }

    /// <summary>Each pixel of <paramref name="luminance"/> averaged over its 3 × 3 neighbourhood (what of it lies in the image), which evens out a ground's grain.</summary>
    private static double[] Smoothed(double[] luminance, int height, int width)
    {
        var smoothed = new double[luminance.Length];
        for (var pixel = 0; pixel < luminance.Length; pixel++)
        {
            var (y, x) = (pixel / width, pixel % width);
            var (sum, count) = (0.0, 0);
            for (var row = Math.Max(0, y - 1); row <= Math.Min(height - 1, y + 1); row++)
            {
                for (var column = Math.Max(0, x - 1); column <= Math.Min(width - 1, x + 1); column++)
                {
                    (sum, count) = (sum + luminance[(row * width) + column], count + 1);
                }
            }
            smoothed[pixel] = sum / count;
        }
        return smoothed;
    }
}
