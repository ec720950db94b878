namespace Microsoft.ML.Gan.Samples.DomainTransfer;

/// <summary>
/// The bundled emoji that a photograph of a bare head can become: plain heads (hair styles and colours, beards,
/// baldness, age) in the five human skin tones, without the hats, uniforms, props and yellow skin of the rest of
/// data/twemoji-faces/people. The paper's emoji were plain heads of this kind, made with a parametric emoji creator.
/// </summary>
internal static class PlainEmojiHeads
{
    /// <summary>The Twemoji short names of the plain heads.</summary>
    private static readonly HashSet<string> _names = new(StringComparer.Ordinal)
    {
        "adult", "boy", "child", "girl", "man", "woman", "older_adult", "older_man", "older_woman",
        "bald_man", "bald_person", "bald_woman", "bearded_person", "man_with_beard", "woman_with_beard",
        "blond-haired-man", "blond-haired-woman", "person_with_blond_hair",
        "curly_haired_man", "curly_haired_person", "curly_haired_woman",
        "red_haired_man", "red_haired_person", "red_haired_woman",
        "white_haired_man", "white_haired_person", "white_haired_woman",
    };

    /// <summary>
    /// The rows of <paramref name="people"/> (data/twemoji-faces/people as <c>LoadImageFolder</c> gives it) whose image
    /// is a plain head in a human skin tone, by the <c>index.tsv</c> beside the folder (file, short name, skin tone).
    /// </summary>
    /// <exception cref="InvalidDataException">The index names no such image.</exception>
    public static IDataView Select(MLContext mlContext, IDataView people, string indexPath)
    {
        var files = File.ReadLines(indexPath).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length == 3 && _names.Contains(fields[1]) && fields[2].Length > 0)
            .Select(fields => Path.GetFileName(fields[0]))
            .ToHashSet(StringComparer.Ordinal);
        if (files.Count == 0)
        {
            throw new InvalidDataException($"'{indexPath}' names no plain emoji head with a skin tone (file, short name, skin tone per line).");
        }
        return mlContext.Data.FilterByCustomPredicate<ImagePathRow>(people, row => !files.Contains(row.ImagePath));
    }

    /// <summary>The column the selection reads.</summary>
    private sealed class ImagePathRow
    {
        /// <summary>The image's path relative to its folder.</summary>
        public string ImagePath { get; set; } = "";
    }
}
