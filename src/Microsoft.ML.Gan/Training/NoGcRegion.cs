using System.Runtime;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// Keeps the garbage collector out of one training step. TorchSharp 0.107 converts numbers to native Scalars that
/// nothing keeps alive during the native call they are passed to (its optimizers do this on every step); a collection
/// at that moment finalises the Scalar under libtorch's feet and crashes the process at random in long runs.
/// </summary>
internal readonly struct NoGcRegion : IDisposable
{
    // A step allocates only small managed wrappers; this budget is far above that and within what the runtime grants.
    private const long Budget = 64L * 1024 * 1024;

    private readonly bool _entered;

    private NoGcRegion(bool entered) => _entered = entered;

    /// <summary>
    /// Enters a no-collection region unless one is already active. The runtime can still hold a region as started
    /// after a collection has ended its latency mode (a 45-minute training run once failed with "The NoGCRegion mode
    /// was already in progress" at this point); such a stale region is ended and a new one entered, so a step never
    /// fails for it.
    /// </summary>
    public static NoGcRegion Enter()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            return new NoGcRegion(false);
        }
        try
        {
            return new NoGcRegion(GC.TryStartNoGCRegion(Budget));
        }
        catch (InvalidOperationException)
        {
            EndStale();
            return new NoGcRegion(GC.TryStartNoGCRegion(Budget));
        }
    }

    /// <summary>Leaves the region if this instance entered it and it is still active.</summary>
    public void Dispose()
    {
        if (_entered && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
        }
    }

    /// <summary>Ends a region the runtime still holds as started; it reports, by throwing, that a collection ran inside it.</summary>
    private static void EndStale()
    {
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The region is over either way; the exception only says how it ended.
        }
    }
}
