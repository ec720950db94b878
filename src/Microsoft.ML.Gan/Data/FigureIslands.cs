namespace Microsoft.ML.Gan.Data;

/// <summary>
/// The islands of a figure mask: the groups of figure pixels, joined through 4-neighbours, that are not the largest
/// group. After a portrait's ground is grown, specks of ground the growth could not reach (grain brighter or darker
/// than its step allows) stay behind as such islands; the head, with whatever body it stands on, is the largest group.
/// </summary>
internal static class FigureIslands
{
    /// <summary>
    /// Marks as ground every pixel of <paramref name="isGround"/> (row-major, <paramref name="width"/> across) that is
    /// figure but outside the largest 4-connected group of figure pixels; a mask with no figure is left as it is.
    /// </summary>
    public static void TurnToGround(bool[] isGround, int width)
    {
        var height = isGround.Length / width;
        var group = new int[isGround.Length];
        var sizes = new List<int> { 0 };
        var pending = new Stack<int>();
        Span<int> neighbours = stackalloc int[4];
        for (var seed = 0; seed < isGround.Length; seed++)
        {
            if (isGround[seed] || group[seed] != 0)
            {
                continue;
            }
            sizes.Add(0);
            group[seed] = sizes.Count - 1;
            pending.Push(seed);
            while (pending.TryPop(out var pixel))
            {
                sizes[^1]++;
                foreach (var neighbour in neighbours[..FourNeighbours.Of(pixel, height, width, neighbours)])
                {
                    if (!isGround[neighbour] && group[neighbour] == 0)
                    {
                        group[neighbour] = group[seed];
                        pending.Push(neighbour);
                    }
                }
            }
        }
        var largest = sizes.IndexOf(sizes.Max());
        for (var pixel = 0; pixel < isGround.Length; pixel++)
        {
            isGround[pixel] |= group[pixel] != largest;
        }
    }
}
