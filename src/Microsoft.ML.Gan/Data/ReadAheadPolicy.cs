using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Data;

/// <summary>
/// Whether a trainer's <see cref="PixelBatchReader"/> should read ahead on its own thread. On a GPU, or with a core that
/// libtorch's threads leave free, it should: the reading then overlaps the step. When libtorch's threads take every
/// core, a reading thread can only run by pre-empting one of them, and libtorch's parallel loops wait for the slowest
/// thread, so each read costs the step more than the read itself; reading on the training thread between steps costs
/// only the read (measured by the Samples' <c>bench --trainer gan</c>, BENCHMARKS.md).
/// </summary>
internal static class ReadAheadPolicy
{
    /// <summary>Whether to read ahead when training on <paramref name="device"/> with libtorch's current thread count.</summary>
    public static bool ReadAhead(Device device) =>
        device.type != DeviceType.CPU || get_num_threads() < Environment.ProcessorCount;
}
