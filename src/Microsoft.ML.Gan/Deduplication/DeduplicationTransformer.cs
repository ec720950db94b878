using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Deduplication;

namespace Microsoft.ML.Gan;

/// <summary>
/// A trained de-duplication autoencoder (DCGAN paper, section 4.1.1): it hashes every image of a data view to the 128
/// bits of its thresholded code and groups equal hashes. Made by <see cref="DeduplicationEstimator.Fit"/>.
/// </summary>
/// <remarks>
/// Input column: a known-size vector of <see cref="float"/>, planar C×H×W with values 0..255, of the shape trained on.
/// Output columns: the group (<see cref="uint"/>) and whether the row is a duplicate (<see cref="bool"/>). A row's group
/// depends on every row of the data view, so the transformer is not a row-to-row mapper: the first cursor of a
/// transformed view reads the whole column once (in batches) before its first row, and the view must give the same
/// rows in the same order to every cursor. The transformer cannot be saved as an ML.NET zip.
/// </remarks>
public sealed class DeduplicationTransformer : ITransformer, IDisposable
{
    private readonly SemanticHasher _hasher;
    private readonly int _shiftTolerance;
    private readonly int _maxHammingDistance;
    private readonly CancellationToken _cancellationToken;
    private bool _disposed;

    /// <summary>Takes <paramref name="hasher"/>; the options are read now, so later changes to them do not reach the transformer.</summary>
    internal DeduplicationTransformer(SemanticHasher hasher, DeduplicationOptions options)
    {
        _hasher = hasher;
        InputColumnName = options.InputColumnName;
        GroupColumnName = options.GroupColumnName;
        IsDuplicateColumnName = options.IsDuplicateColumnName;
        _shiftTolerance = options.ShiftTolerance;
        _maxHammingDistance = options.MaxHammingDistance;
        _cancellationToken = options.CancellationToken;
    }

    /// <summary>The image shape the autoencoder was trained on, which the input column must have.</summary>
    public ImageShape ImageShape => _hasher.Shape;

    /// <summary>Name of the image column read.</summary>
    public string InputColumnName { get; }

    /// <summary>Name of the group column added.</summary>
    public string GroupColumnName { get; }

    /// <summary>Name of the duplicate flag column added.</summary>
    public string IsDuplicateColumnName { get; }

    /// <summary>Hashes every row of <paramref name="input"/> (one pass, in cursor order) and groups equal hashes.</summary>
    /// <param name="input">The images to de-duplicate.</param>
    /// <returns>Each row's hash and group, and the groups of two rows or more.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The image column is missing or not an image of <see cref="ImageShape"/>.</exception>
    /// <exception cref="InvalidDataException">The data has no rows, or a pixel value that is not finite.</exception>
    public DuplicateGroups FindGroups(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var (keys, shiftedKeys) = _hasher.Hash(input, InputColumnName, _shiftTolerance, _cancellationToken);
        return DuplicateGroups.FromKeys(keys, shiftedKeys, _maxHammingDistance);
    }

    /// <summary>Adds the group and duplicate flag columns to <paramref name="input"/> (its groups are found on the first cursor).</summary>
    /// <param name="input">The images to de-duplicate.</param>
    /// <returns>The input's rows with <see cref="GroupColumnName"/> and <see cref="IsDuplicateColumnName"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The image column is missing or not an image of <see cref="ImageShape"/>.</exception>
    public IDataView Transform(IDataView input) => View(input, dropDuplicates: false);

    /// <summary>
    /// The rows of <paramref name="input"/> without the duplicates: the first row of every group is kept (with the
    /// group and duplicate flag columns, the latter always false).
    /// </summary>
    /// <param name="input">The images to de-duplicate.</param>
    /// <returns>One row per group, in cursor order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The image column is missing or not an image of <see cref="ImageShape"/>.</exception>
    public IDataView RemoveDuplicates(IDataView input) => View(input, dropDuplicates: true);

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        ImageColumn.Resolve(inputSchema, InputColumnName, ImageShape);
        return DuplicateColumnsView.OutputSchema(inputSchema, GroupColumnName, IsDuplicateColumnName);
    }

    /// <summary>False: a row's group depends on the other rows.</summary>
    public bool IsRowToRowMapper => false;

    /// <summary>Not supported: a row's group depends on the other rows.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) =>
        throw new NotSupportedException("De-duplication groups depend on every row of a data view: use Transform or FindGroups, not a row-to-row mapper.");

    /// <summary>Not supported: the transformer lives in memory only.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException("A DeduplicationTransformer cannot be saved as an ML.NET model; fit it again (it is seeded) where it is needed.");

    /// <summary>Releases the autoencoder.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _hasher.Dispose();
        }
    }

    private DuplicateColumnsView View(IDataView input, bool dropDuplicates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ObjectDisposedException.ThrowIf(_disposed, this);
        ImageColumn.Resolve(input.Schema, InputColumnName, ImageShape);
        return new DuplicateColumnsView(input, () => FindGroups(input), GroupColumnName, IsDuplicateColumnName, dropDuplicates);
    }
}
