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

    /// <summary>Enters a no-collection region unless one is already active.</summary>
    public static NoGcRegion Enter()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            return new NoGcRegion(false);
        }
        return new NoGcRegion(GC.TryStartNoGCRegion(Budget));
    }

    /// <summary>Leaves the region if this instance entered it and it is still active.</summary>
    public void Dispose()
    {
        if (_entered && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
        }
    }
}
