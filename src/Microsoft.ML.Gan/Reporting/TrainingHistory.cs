using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace Microsoft.ML.Gan.Reporting;

/// <summary>
/// The logged losses, discriminator scores and speed of a GAN training run, saved as CSV so that a resumed run
/// can load the history and append to it.
/// </summary>
public sealed class TrainingHistory
{
    // One list of column names, shared by writing and reading, so the two cannot drift apart.
    private static readonly string[] _columns =
    [
        "epoch", "step", "generator_loss", "discriminator_loss", "real_score", "fake_score", "images_per_second", "elapsed_seconds",
    ];

    private static readonly string _header = string.Join(',', _columns);

    private readonly List<TrainingHistoryEntry> _entries = [];

    /// <summary>Creates an empty history.</summary>
    public TrainingHistory()
    {
        Entries = new ReadOnlyCollection<TrainingHistoryEntry>(_entries);
    }

    /// <summary>The entries in the order they were added.</summary>
    public IReadOnlyList<TrainingHistoryEntry> Entries { get; }

    /// <summary>
    /// Seconds the training loop of this process waited for its next batch of data, over all its epochs (not saved:
    /// a benchmark figure, not part of the run's record).
    /// </summary>
    internal double DataWaitSeconds { get; set; }

    /// <summary>Appends one entry.</summary>
    /// <param name="entry">The entry to append.</param>
    public void Add(TrainingHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries.Add(entry);
    }

    /// <summary>
    /// Writes the history as CSV: a header line, then one line per entry, invariant culture, round-trippable numbers.
    /// The file is replaced atomically.
    /// </summary>
    /// <param name="path">The CSV file to write; its folder is created when missing.</param>
    public void SaveCsv(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var text = new StringBuilder(_header).Append('\n');
        foreach (var e in _entries)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{e.Epoch},{e.Step},{e.GeneratorLoss},{e.DiscriminatorLoss},{e.RealScore},{e.FakeScore},{e.ImagesPerSecond},{e.ElapsedSeconds}\n");
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }

    /// <summary>Reads a history written by <see cref="SaveCsv(string)"/>.</summary>
    /// <param name="path">The CSV file to read.</param>
    /// <returns>The history, with its entries in file order.</returns>
    /// <exception cref="InvalidDataException">The file's header or a line does not have the expected form.</exception>
    public static TrainingHistory LoadCsv(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string[] lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].Trim() != _header)
        {
            throw new InvalidDataException(
                $"{path}: expected the header '{_header}', found '{(lines.Length == 0 ? "" : lines[0])}'.");
        }

        var history = new TrainingHistory();
        for (int i = 1; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                history.Add(ParseLine(lines[i], path, lineNumber: i + 1));
            }
        }
        return history;
    }

    private static TrainingHistoryEntry ParseLine(string line, string path, int lineNumber)
    {
        string[] fields = line.Split(',');
        if (fields.Length != _columns.Length)
        {
            throw new InvalidDataException($"{path}, line {lineNumber}: expected {_columns.Length} fields, found {fields.Length}.");
        }

        T Parse<T>(int column) where T : ISpanParsable<T> =>
            T.TryParse(fields[column].Trim(), CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new InvalidDataException(
                    $"{path}, line {lineNumber}: expected a number for '{_columns[column]}', found '{fields[column]}'.");

        return new TrainingHistoryEntry(
            Parse<int>(0), Parse<long>(1), Parse<float>(2), Parse<float>(3), Parse<float>(4), Parse<float>(5),
            Parse<double>(6), Parse<double>(7));
    }
}
