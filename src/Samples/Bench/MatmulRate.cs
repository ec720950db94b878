using System.Diagnostics;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// What libtorch itself reaches on this machine for the kindest FP32 work there is: large square matrix products. A
/// practical ceiling between the theoretical peak and a training step.
/// </summary>
internal static class MatmulRate
{
    /// <summary>GFLOP/s of repeated [n, n] × [n, n] products (2n³ FLOPs each) over about <paramref name="seconds"/>, after one untimed product.</summary>
    public static double Measure(int threads, Device device, int n = 1024, double seconds = 2)
    {
        set_num_threads(threads);
        using var scope = NewDisposeScope();
        var a = randn([n, n], device: device);
        var b = randn([n, n], device: device);
        mm(a, b).Dispose();
        var clock = Stopwatch.StartNew();
        long products = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            mm(a, b).Dispose();
            products++;
        }
        return 2.0 * n * n * n * products / clock.Elapsed.TotalSeconds / 1e9;
    }
}
