namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>Finds the data sets bundled in the repository's <c>data</c> folder, wherever the program is started from.</summary>
internal static class BundledData
{
    private static readonly string MnistImagesRelative = Path.Combine("data", "mnist10k", "images-idx3-ubyte.gz");

    /// <summary>The first 10,000 MNIST training digits (IDX, gzip).</summary>
    /// <exception cref="FileNotFoundException">Neither the working folder nor the program's folder is inside the repository.</exception>
    public static string MnistImages() => Find(MnistImagesRelative);

    // Looks upwards from the working folder, then from the program's folder (bin/Release/net10.0 under the repository).
    private static string Find(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new FileNotFoundException(
            $"Bundled file '{relative}' not found above '{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'; pass --data PATH.", relative);
    }
}
