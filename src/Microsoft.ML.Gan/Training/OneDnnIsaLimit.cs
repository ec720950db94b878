using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// On the AMD Zen 5 processor this library was tested on (x86 family 26, an EPYC server), the oneDNN convolution
/// kernels inside TorchSharp 0.107's libtorch that use AVX, AVX2 or AVX-512 give wrong results, and not the same ones
/// twice: values off by a few hundredths or NaN, so GANs diverge within a few steps (capped at AVX2 the DCGAN tests still
/// failed, at AVX the progressive GAN's); its SSE4.1 kernels are right. Before libtorch loads, this sets
/// <c>DNNL_MAX_CPU_ISA=SSE41</c> in the process's environment on such a processor, unless the
/// variable is already set (setting it yourself, to any value, overrides this choice). libtorch's own vector kernels
/// and matrix products keep their widest instructions. Linux only: on Windows the C runtime keeps its own copy of the
/// environment, so there set the variable before the program starts.
/// </summary>
internal static class OneDnnIsaLimit
{
    /// <summary>The oneDNN variable that caps the instruction set its kernels are compiled for.</summary>
    private const string Variable = "DNNL_MAX_CPU_ISA";

    /// <summary>The cap: SSE4.1, the widest set whose oneDNN kernels were right on Zen 5.</summary>
    private const string Cap = "SSE41";

    private const int Zen5Family = 26;

    /// <summary>Whether this process's processor is a Zen 5, whose oneDNN AVX, AVX2 and AVX-512 kernels were wrong.</summary>
    private static bool IsAffectedProcessor => X86Base.IsSupported && IsAmd() && Family() == Zen5Family;

    /// <summary>
    /// Sets the cap for this process (and the processes it starts) when the processor needs it, the variable is unset
    /// and the system is Linux. Runs when the library is first used; call it first when TorchSharp may load earlier.
    /// </summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "oneDNN reads the variable once, when libtorch first runs a convolution; any later is too late.")]
    internal static void Apply()
    {
        if (OperatingSystem.IsLinux() && IsAffectedProcessor && Environment.GetEnvironmentVariable(Variable) is null)
        {
            Environment.SetEnvironmentVariable(Variable, Cap);
            // .NET keeps its own copy of the environment; libtorch reads the C library's.
            _ = SetNativeVariable(Variable, Cap, overwrite: 0);
        }
    }

    private static bool IsAmd()
    {
        var (_, ebx, ecx, edx) = X86Base.CpuId(0, 0);
        Span<int> vendor = [ebx, edx, ecx];
        return System.Text.Encoding.ASCII.GetString(MemoryMarshal.AsBytes(vendor)) == "AuthenticAMD";
    }

    /// <summary>The x86 display family: the base family, plus the extended family when the base is 15.</summary>
    private static int Family()
    {
        var eax = X86Base.CpuId(1, 0).Eax;
        var baseFamily = (eax >> 8) & 0xF;
        return baseFamily == 0xF ? baseFamily + ((eax >> 20) & 0xFF) : baseFamily;
    }

    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int SetNativeVariable(string name, string value, int overwrite);
}
