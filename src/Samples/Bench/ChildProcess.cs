using System.Diagnostics;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>Runs this program again in a fresh process, so that a measurement (peak memory above all) starts from nothing.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// Starts this program with <paramref name="args"/>, echoes its output, and returns the text after
    /// <paramref name="marker"/> on its last line that starts with it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The child failed or printed no such line.</exception>
    public static string Run(IEnumerable<string> args, string marker)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        // Started as `dotnet Samples.dll`, the process is dotnet itself: pass the program's assembly first.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        string? result = null;
        while (child.StandardOutput.ReadLine() is { } line)
        {
            Console.WriteLine("  | " + line);
            if (line.StartsWith(marker, StringComparison.Ordinal))
            {
                result = line[marker.Length..];
            }
        }
        child.WaitForExit();
        return child.ExitCode == 0 && result is not null
            ? result
            : throw new InvalidOperationException($"The child process ({string.Join(' ', start.ArgumentList)}) exited with {child.ExitCode} without a '{marker}' line.");
    }
}
