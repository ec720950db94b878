using System.Diagnostics;
using Microsoft.ML.Gan.Tests.Data;

namespace Microsoft.ML.Gan.Tests.Robustness;

/// <summary>Runs the built Samples program as a separate process, so that tests can kill it the hard way.</summary>
internal static class SamplesProcess
{
    /// <summary>The Samples.dll of the same configuration as this test assembly (build.sh builds the whole solution).</summary>
    public static string Path
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var path = System.IO.Path.Combine(TestFiles.RepositoryRoot, "src", "Samples", "bin", configuration, "net10.0", "Samples.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: '{path}' is missing.");
        }
    }

    /// <summary>Starts <c>dotnet Samples.dll ARGS</c> with its output captured.</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start)!;
    }

    /// <summary>Runs to the end and returns the exit code and everything printed.</summary>
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
