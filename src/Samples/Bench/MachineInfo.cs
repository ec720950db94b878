using System.Runtime.InteropServices;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>What a speed figure depends on: the processor, the cores the process may use, the runtime.</summary>
/// <param name="Cpu">The CPU model (first <c>model name</c> of /proc/cpuinfo), or the architecture where that file is missing.</param>
/// <param name="ProcessorCount">Cores available to this process (what <c>nproc</c> prints on Linux).</param>
/// <param name="Os">The operating system.</param>
/// <param name="Runtime">The .NET runtime.</param>
public sealed record MachineInfo(string Cpu, int ProcessorCount, string Os, string Runtime)
{
    /// <summary>Describes the machine this process runs on.</summary>
    public static MachineInfo Current() => new(CpuModel(), Environment.ProcessorCount, RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    /// <summary>One line for reports: CPU, cores, OS, runtime.</summary>
    public string Describe() => $"{Cpu}, {ProcessorCount} cores available (nproc), {Os}, {Runtime}";

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        var model = File.Exists(cpuInfo)
            ? File.ReadLines(cpuInfo).FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))
            : null;
        return model is null ? RuntimeInformation.ProcessArchitecture.ToString() : model[(model.IndexOf(':') + 1)..].Trim();
    }
}
