using SkiaSharp;

namespace Microsoft.ML.Gan.Tests.Data;

/// <summary>Files for the data bridge tests: the repository's bundled data and temporary folders.</summary>
internal static class TestFiles
{
    /// <summary>The folder holding MlNetGan.sln, found by walking up from the test's base directory.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MlNetGan.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new DirectoryNotFoundException($"No folder above '{AppContext.BaseDirectory}' holds MlNetGan.sln.");
        }
    }

    /// <summary>Creates an empty temporary folder; the caller deletes it.</summary>
    /// <returns>Its full path.</returns>
    public static string NewTempFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "gan-data-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Writes a PNG filled with one colour, opaque unless another alpha type is given.</summary>
    /// <param name="path">The file to write (its folder is created).</param>
    /// <param name="width">Width.</param>
    /// <param name="height">Height.</param>
    /// <param name="color">The fill colour.</param>
    /// <param name="alphaType">How the bitmap holds alpha (Unpremul keeps the colour's alpha as given).</param>
    public static void WritePng(string path, int width, int height, SKColor color, SKAlphaType alphaType = SKAlphaType.Opaque)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, alphaType);
        bitmap.Erase(color);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
