using System.Globalization;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>The resident memory of this process as Linux accounts it (managed heap, native libtorch memory and code alike).</summary>
internal static class PeakMemory
{
    /// <summary>The peak resident set so far (VmHWM of /proc/self/status), in MiB; NaN where that file does not exist.</summary>
    public static double PeakMiB() => StatusMiB("VmHWM:");

    /// <summary>The resident set now (VmRSS of /proc/self/status), in MiB; NaN where that file does not exist.</summary>
    public static double CurrentMiB() => StatusMiB("VmRSS:");

    private static double StatusMiB(string field)
    {
        const string status = "/proc/self/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) : null;
        // The line reads e.g. "VmHWM:	  123456 kB".
        return line is null ? double.NaN : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }
}
