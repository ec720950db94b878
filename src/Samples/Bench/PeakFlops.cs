using System.Globalization;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// The machine's theoretical FP32 peak, derived from /proc/cpuinfo as cores × clock × FLOPs per cycle per core, where
/// FLOPs per cycle assume two fused multiply-add units at the widest vector width the flags list (FMA: 2 FLOPs per
/// lane): 64 with avx512f, 32 with avx2+fma, 16 with avx, 8 with sse. Approximate by nature: the clock is the one
/// /proc/cpuinfo reports (a virtual machine's nominal one; turbo runs faster, shared hosts slower), and some cores run
/// 512-bit instructions in two 256-bit halves (AMD Zen 4), which halves the AVX-512 figure.
/// </summary>
/// <param name="Cores">Cores available to the process.</param>
/// <param name="ClockGHz">The clock /proc/cpuinfo reports (first <c>cpu MHz</c>).</param>
/// <param name="Simd">The widest SIMD instruction set the flags list.</param>
/// <param name="FlopsPerCycle">FP32 FLOPs per cycle and core assumed for it.</param>
public sealed record PeakFlops(int Cores, double ClockGHz, string Simd, int FlopsPerCycle)
{
    /// <summary>The peak in GFLOP/s: cores × GHz × FLOPs per cycle.</summary>
    public double Gflops => Cores * ClockGHz * FlopsPerCycle;

    /// <summary>The same peak with AVX2+FMA only (32 FLOPs per cycle), for kernels that do not use wider vectors.</summary>
    public double Avx2Gflops => Cores * ClockGHz * 32;

    /// <summary>How the peak was derived, as one line.</summary>
    public string Derivation => string.Create(CultureInfo.InvariantCulture,
        $"{Cores} cores × {ClockGHz:F2} GHz (cpu MHz of /proc/cpuinfo) × {FlopsPerCycle} FP32 FLOPs/cycle/core ({Simd}) = {Gflops:F0} GFLOP/s");

    /// <summary>The same peak for the <paramref name="threads"/> cores a computation may use (at most the machine's).</summary>
    public PeakFlops ForThreads(int threads) => this with { Cores = Math.Min(threads, Cores) };

    /// <summary>Reads /proc/cpuinfo; null where it does not exist or lacks a clock.</summary>
    public static PeakFlops? Current()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return null;
        }
        var lines = File.ReadAllLines(cpuInfo);
        var mhz = Field(lines, "cpu MHz");
        var flags = (Field(lines, "flags") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (mhz is null || !double.TryParse(mhz, NumberStyles.Float, CultureInfo.InvariantCulture, out var megahertz))
        {
            return null;
        }
        var (simd, flopsPerCycle) =
            flags.Contains("avx512f") && flags.Contains("fma") ? ("avx512f+fma", 64)
            : flags.Contains("avx2") && flags.Contains("fma") ? ("avx2+fma", 32)
            : flags.Contains("avx") ? ("avx", 16)
            : ("sse", 8);
        return new PeakFlops(Environment.ProcessorCount, megahertz / 1000, simd, flopsPerCycle);
    }

    private static string? Field(string[] lines, string name) =>
        lines.FirstOrDefault(line => line.StartsWith(name, StringComparison.Ordinal)) is { } line ? line[(line.IndexOf(':') + 1)..].Trim() : null;
}
