namespace Microsoft.ML.Gan;

/// <summary>Named sets of training options (see <see cref="GanTrainerOptions.ApplyPreset"/>).</summary>
public enum GanPreset
{
    /// <summary>The paper's settings exactly: no weight average; batch 64, Adam 2e-4 (0.5, 0.999), the paper's loss.</summary>
    Paper,

    /// <summary>
    /// The library's recipe: the paper's networks and optimiser with a ramped weight average of the generator (0.999)
    /// and batches of 32 (twice the steps per epoch). Measured by the Samples' <c>quality</c> command (BENCHMARKS.md): better
    /// than <see cref="Paper"/> after the same epochs, no better after the same minutes.
    /// </summary>
    Recommended,
}
