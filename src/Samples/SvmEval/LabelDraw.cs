namespace Microsoft.ML.Gan.Samples.SvmEval;

/// <summary>
/// One draw of the few labelled rows: <c>perClass</c> rows of every class from the labelled pool, split per class
/// into rows to train on and rows to choose the regularisation with. The test rows are never part of a draw.
/// </summary>
/// <param name="Training">Rows the SVM trains on while the regularisation is chosen.</param>
/// <param name="Validation">Rows that choose the regularisation.</param>
internal sealed record LabelDraw(int[] Training, int[] Validation)
{
    /// <summary>All labelled rows of the draw: what the final SVM trains on.</summary>
    public int[] Labelled => [.. Training, .. Validation];

    /// <summary>
    /// Draws <paramref name="perClass"/> rows of each class among <paramref name="poolRows"/> rows of
    /// <paramref name="labels"/>, <paramref name="validationFraction"/> of them (per class) for validation.
    /// </summary>
    public static LabelDraw Create(float[] labels, int poolRows, int perClass, double validationFraction, int seed)
    {
        var random = new Random(seed);
        var training = new List<int>();
        var validation = new List<int>();
        var validationPerClass = Math.Max(1, (int)Math.Round(perClass * validationFraction));
        foreach (var rows in Enumerable.Range(0, poolRows).GroupBy(row => labels[row]).OrderBy(group => group.Key))
        {
            var shuffled = rows.ToArray();
            random.Shuffle(shuffled);
            if (shuffled.Length < perClass)
            {
                throw new ArgumentException($"Class {rows.Key} has {shuffled.Length} rows in the labelled pool; --labels-per-class {perClass} needs that many.");
            }
            validation.AddRange(shuffled[..validationPerClass]);
            training.AddRange(shuffled[validationPerClass..perClass]);
        }
        return new LabelDraw([.. training], [.. validation]);
    }
}
