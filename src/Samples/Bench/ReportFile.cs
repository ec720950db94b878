namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>Writes a benchmark's Markdown report next to its other outputs.</summary>
internal static class ReportFile
{
    /// <summary>Writes <paramref name="markdown"/> under a heading to <paramref name="directory"/>/<paramref name="name"/>, creating the folder, and says so.</summary>
    public static void Save(string directory, string name, string heading, string markdown)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, $"# {heading}\n\n{markdown}");
        Console.WriteLine($"Wrote {path}.");
    }
}
