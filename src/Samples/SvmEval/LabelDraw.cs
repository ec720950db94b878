namespace Microsoft.ML.Gan.Samples.SvmEval;

/// <summary>
/// One draw of the few labelled rows: <c>perClass</c> rows of every class from the labelled pool, dealt per class into
/// cross-validation folds that choose the regularisation. The test rows are never part of a draw. The SVMs train on
/// the labelled rows and their <paramref name="Copies"/>; a fold validates on its own rows only, so a copy is never
/// validated against its original.
/// </summary>
/// <param name="Folds">The labelled rows in folds of about equal size, each holding about as many rows of every class.</param>
/// <param name="Copies">The moved copies that follow the <paramref name="RowCount"/> rows of the features table.</param>
/// <param name="RowCount">The number of original rows of the features table.</param>
internal sealed record LabelDraw(int[][] Folds, ShiftedCopies Copies, int RowCount)
{
    /// <summary>All labelled rows of the draw and their copies: what the final SVM trains on.</summary>
    public int[] Labelled => [.. Copies.WithCopies(Folds.SelectMany(fold => fold), RowCount)];

    /// <summary>The labelled rows outside fold <paramref name="fold"/> and their copies: what the SVM validated on that fold trains on.</summary>
    public int[] Outside(int fold) => [.. Copies.WithCopies(Folds.Where((_, index) => index != fold).SelectMany(rows => rows), RowCount)];

    /// <summary>
    /// Draws <paramref name="perClass"/> rows of each class among the first <paramref name="poolRows"/> rows of
    /// <paramref name="labels"/> and deals each class's rows in turn into <paramref name="folds"/> folds; the SVMs
    /// train on the drawn rows with their <paramref name="copies"/>.
    /// </summary>
    public static LabelDraw Create(float[] labels, int poolRows, int perClass, int folds, ShiftedCopies copies, int seed)
    {
        if (folds < 2 || folds > perClass)
        {
            throw new ArgumentException($"--folds {folds} must be between 2 and --labels-per-class ({perClass}).");
        }
        var random = new Random(seed);
        var dealt = Enumerable.Range(0, folds).Select(_ => new List<int>()).ToArray();
        foreach (var rows in Enumerable.Range(0, poolRows).GroupBy(row => labels[row]).OrderBy(group => group.Key))
        {
            var shuffled = rows.ToArray();
            random.Shuffle(shuffled);
            if (shuffled.Length < perClass)
            {
                throw new ArgumentException($"Class {rows.Key} has {shuffled.Length} rows in the labelled pool; --labels-per-class {perClass} needs that many.");
            }
            for (var i = 0; i < perClass; i++)
            {
                dealt[i % folds].Add(shuffled[i]);
            }
        }
        return new LabelDraw([.. dealt.Select(fold => fold.ToArray())], copies, labels.Length);
    }
}
