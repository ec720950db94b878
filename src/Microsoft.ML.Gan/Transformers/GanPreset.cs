namespace Microsoft.ML.Gan;

/// <summary>Named sets of training options (see <see cref="GanTrainerOptions.ApplyPreset"/>).</summary>
public enum GanPreset
{
    /// <summary>The paper's settings exactly: no weight average; batch 64, Adam 2e-4 (0.5, 0.999), the paper's loss.</summary>
    Paper,

    /// <summary>
    /// The library's recipe: the paper's loss and optimiser with a ramped weight average of the generator (0.999) and
    /// batches of 32 (twice the steps per epoch); for the DCGAN also a generator twice as wide and a discriminator
    /// without batch norm, with dropout 0.3 (see <see cref="DcganOptions.ApplyPreset"/>). Measured by the Samples'
    /// <c>quality</c> command (BENCHMARKS.md).
    /// </summary>
    Recommended,
}
