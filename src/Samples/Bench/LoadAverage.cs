namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>How busy the machine is: the 1-minute load average, to print beside figures taken on a shared machine.</summary>
internal static class LoadAverage
{
    /// <summary>The first field of /proc/loadavg (runnable threads averaged over a minute), or "unknown".</summary>
    public static string OneMinute()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? File.ReadAllText(path).Split(' ')[0] : "unknown";
    }
}
