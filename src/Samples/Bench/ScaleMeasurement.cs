namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>One epoch over a streamed synthetic data set, measured in its own process.</summary>
/// <param name="Rows">Rows in the data set.</param>
/// <param name="Images">Images trained on (full batches).</param>
/// <param name="Seconds">Training seconds of the epoch.</param>
/// <param name="PeakMiB">Peak resident memory of the process (VmHWM) after the epoch and the ONNX export.</param>
/// <param name="StartMiB">Resident memory just before the measured epoch, after a short warm-up training.</param>
/// <param name="ManagedCommittedMiB">Memory the .NET garbage collector had committed at the end (part of the resident set).</param>
public sealed record ScaleMeasurement(long Rows, long Images, double Seconds, double PeakMiB, double StartMiB, double ManagedCommittedMiB)
{
    /// <summary>Milliseconds of training per image.</summary>
    public double MillisecondsPerImage => 1000 * Seconds / Images;
}
