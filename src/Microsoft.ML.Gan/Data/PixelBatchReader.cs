using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Data;

/// <summary>
/// Streams a <c>Pixels</c>-style column of any <see cref="IDataView"/> one epoch at a time, in batches of planar
/// pixels, shuffled per epoch and, when a core is free for it, read ahead on a background thread so that training never
/// waits for data. Memory is bounded by the shuffle pool and a few batches, never by the number of rows. Every value is
/// checked to be finite.
/// </summary>
internal sealed class PixelBatchReader : IDisposable
{
    /// <summary>Batches read ahead of the consumer.</summary>
    private const int PrefetchBatches = 2;

    private readonly IDataView _data;
    private readonly DataViewSchema.Column _column;
    private readonly string _dataName;
    private readonly int _seed;
    private readonly bool _shuffle;
    private readonly bool _dropLastBatch;
    private readonly int _shufflePoolRows;
    private readonly bool _readAhead;
    private RunningEpoch? _running;
    private bool _disposed;
    private long _waitTicks;

    /// <summary>Creates a reader; the column is checked now, the data is read by <see cref="ReadEpoch"/>.</summary>
    /// <param name="data">The data to read.</param>
    /// <param name="columnName">Name of the <c>Pixels</c>-style column (known-size Single vector, planar C×H×W).</param>
    /// <param name="batchSize">Images per batch.</param>
    /// <param name="shape">The image shape wanted, or <see langword="null"/> to take the column's own.</param>
    /// <param name="seed">Base seed: epoch <c>e</c> is shuffled with a seed derived from it and <c>e</c>.</param>
    /// <param name="shuffle">Whether to shuffle each epoch; when <see langword="false"/>, rows come in cursor order.</param>
    /// <param name="dropLastBatch">Whether to leave out the last batch of an epoch when it is incomplete.</param>
    /// <param name="shufflePoolRows">
    /// Rows held by the shuffle pool (memory: rows × C×H×W floats). Sources that can shuffle themselves (e.g. cached
    /// views) are also read in a random order.
    /// </param>
    /// <param name="dataName">How error messages name the data.</param>
    /// <param name="readAhead">
    /// Whether batches are read on a background thread while the consumer computes (the default), or on the consumer's
    /// thread when it asks for them: better when the consumer's computation already keeps every core busy, as a
    /// reading thread then only takes time from it (see <see cref="ReadAheadPolicy"/>).
    /// </param>
    public PixelBatchReader(IDataView data, string columnName, int batchSize, ImageShape? shape = null, int seed = 0,
        bool shuffle = true, bool dropLastBatch = false, int shufflePoolRows = 1000, string dataName = "training data",
        bool readAhead = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shufflePoolRows);
        Shape = ImageColumn.Resolve(data.Schema, columnName, shape, dataName);
        _data = data;
        _column = data.Schema[columnName];
        _dataName = dataName;
        BatchSize = batchSize;
        _seed = seed;
        _shuffle = shuffle;
        _dropLastBatch = dropLastBatch;
        _shufflePoolRows = shufflePoolRows;
        _readAhead = readAhead;
    }

    /// <summary>The shape of one image.</summary>
    public ImageShape Shape { get; }

    /// <summary>Images per batch.</summary>
    public int BatchSize { get; }

    /// <summary>
    /// Time the consumer spent blocked waiting for its next batch, over every epoch read so far: zero when the
    /// read-ahead always keeps up; without read-ahead, the whole reading time. Two timestamps per batch, so it is
    /// always measured.
    /// </summary>
    public TimeSpan WaitTime => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _waitTicks));

    /// <summary>
    /// Reads one epoch. A batch's array is reused once the next batch is requested. Starting another epoch stops
    /// this one. Errors of the reading thread (bad values, no rows) are thrown here.
    /// </summary>
    /// <param name="epoch">The epoch number (0, 1, …): with the seed, it fixes the order of the rows.</param>
    /// <param name="cancellationToken">Stops reading; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The batches of the epoch.</returns>
    public IEnumerable<PixelBatch> ReadEpoch(int epoch, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        return ReadEpochCore(epoch, cancellationToken);
    }

    /// <summary>
    /// Batches without end: epoch <paramref name="firstEpoch"/>, then the next, and so on, for data read beside other
    /// data (a second domain, unlabelled images) whose epochs set the pace.
    /// </summary>
    /// <param name="firstEpoch">The epoch to start from.</param>
    /// <param name="cancellationToken">Stops reading; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The batches, for as long as they are asked for.</returns>
    /// <exception cref="InvalidOperationException">An epoch gave no batch (too few rows for a complete one).</exception>
    public IEnumerable<PixelBatch> ReadWithoutEnd(int firstEpoch, CancellationToken cancellationToken = default)
    {
        for (var epoch = firstEpoch; ; epoch++)
        {
            var any = false;
            foreach (var batch in ReadEpoch(epoch, cancellationToken))
            {
                any = true;
                yield return batch;
            }
            if (!any)
            {
                throw NoCompleteBatch();
            }
        }
    }

    /// <summary>The error of an epoch that gave no batch: too few rows for a complete one.</summary>
    public InvalidOperationException NoCompleteBatch() =>
        new($"The {_dataName} gave no complete batch of {BatchSize} images; it needs at least {BatchSize} rows, or a smaller BatchSize.");

    /// <summary>The valid images of <paramref name="batch"/> as a CPU tensor [Count, C, H, W] (a copy: the batch's array is reused).</summary>
    /// <param name="batch">A batch this reader gave.</param>
    /// <returns>The images, 0..255 as stored.</returns>
    public TorchSharp.torch.Tensor Images(PixelBatch batch) =>
        TorchSharp.torch.tensor(batch.Pixels, [BatchSize, Shape.Channels, Shape.Height, Shape.Width]).narrow(0, 0, batch.Count);

    /// <summary>Stops the reading thread, if any.</summary>
    public void Dispose()
    {
        _disposed = true;
        _running?.Dispose();
        _running = null;
    }

    private IEnumerable<PixelBatch> ReadEpochCore(int epoch, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _running?.Dispose();
        _running = null;
        if (!_readAhead)
        {
            // One buffer: the consumer gives it back by asking for the next batch, which is filled only then. The
            // reading is time the consumer waits, so it counts in WaitTime.
            var buffer = new float[checked(BatchSize * Shape.Size)];
            using var batches = Produce(epoch, _ => buffer, cancellationToken).GetEnumerator();
            while (true)
            {
                var readStart = Stopwatch.GetTimestamp();
                var read = batches.MoveNext();
                Interlocked.Add(ref _waitTicks, Stopwatch.GetTimestamp() - readStart);
                if (!read)
                {
                    yield break;
                }
                yield return batches.Current;
            }
        }
        using var running = new RunningEpoch(this, epoch, cancellationToken);
        _running = running;
        foreach (var batch in running.Batches(cancellationToken))
        {
            yield return batch;
        }
    }

    /// <summary>
    /// Reads the epoch, yielding each full batch (and a last incomplete one unless it is dropped) in a buffer from
    /// <paramref name="takeBuffer"/>; a yielded batch's buffer is written again only once <paramref name="takeBuffer"/>
    /// hands it out again.
    /// </summary>
    private IEnumerable<PixelBatch> Produce(int epoch, Func<CancellationToken, float[]> takeBuffer, CancellationToken token)
    {
        int size = Shape.Size;
        var random = new Random(EpochSeed(epoch));
        using var cursor = _shuffle && _data.CanShuffle ? _data.GetRowCursor([_column], random) : _data.GetRowCursor([_column]);
        var getPixels = cursor.GetGetter<VBuffer<float>>(_column);
        var getId = cursor.GetIdGetter();
        ShufflePool? pool = null;
        if (_shuffle)
        {
            pool = new ShufflePool(size, _shufflePoolRows);
            pool.Reset(random);
        }

        var buffer = takeBuffer(token);
        int filled = 0;
        long rows = 0;
        VBuffer<float> pixels = default;
        while (cursor.MoveNext())
        {
            token.ThrowIfCancellationRequested();
            getPixels(ref pixels);
            CheckFinite(pixels, getId);
            rows++;
            var slot = buffer.AsSpan(filled * size, size);
            if (pool is null)
            {
                pixels.CopyTo(slot);
                filled++;
            }
            else if (pool.Add(pixels, slot))
            {
                filled++;
            }
            if (filled == BatchSize)
            {
                yield return new PixelBatch(buffer, filled);
                (buffer, filled) = (takeBuffer(token), 0);
            }
        }
        while (pool is not null && pool.TryTake(buffer.AsSpan(filled * size, size)))
        {
            if (++filled == BatchSize)
            {
                yield return new PixelBatch(buffer, filled);
                (buffer, filled) = (takeBuffer(token), 0);
            }
        }

        if (rows == 0)
        {
            throw new InvalidDataException($"Column '{_column.Name}' of the {_dataName} has no rows.");
        }
        if (_dropLastBatch && rows < BatchSize)
        {
            throw new InvalidDataException(
                $"Column '{_column.Name}' of the {_dataName} has {rows} rows, fewer than one batch of {BatchSize} (the last incomplete batch is dropped).");
        }
        if (filled > 0 && !_dropLastBatch)
        {
            yield return new PixelBatch(buffer, filled);
        }
    }

    /// <summary>Throws when a value is NaN or infinite, naming the column, the row and the value.</summary>
    private void CheckFinite(in VBuffer<float> pixels, ValueGetter<DataViewRowId> getId)
    {
        var values = pixels.GetValues();
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                DataViewRowId id = default;
                getId(ref id);
                int index = pixels.IsDense ? i : pixels.GetIndices()[i];
                string row = id.High == 0 ? id.Low.ToString(CultureInfo.InvariantCulture) : id.ToString();
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"Column '{_column.Name}' of the {_dataName}: expected finite pixel values (0..255), found {values[i]} at row {row}, value index {index}."));
            }
        }
    }

    /// <summary>A well-mixed seed per epoch (SplitMix64 of base seed and epoch), stable across processes.</summary>
    private int EpochSeed(int epoch)
    {
        ulong z = ((ulong)(uint)_seed << 32 | (uint)epoch) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(z ^ (z >> 31));
    }

    /// <summary>
    /// One epoch being read: the producer thread fills recycled buffers and queues them; the consumer takes them and
    /// gives each back when it asks for the next.
    /// </summary>
    private sealed class RunningEpoch : IDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly BlockingCollection<PixelBatch> _ready = new(PrefetchBatches);
        private readonly BlockingCollection<float[]> _free = new();
        private readonly Thread _thread;
        private readonly PixelBatchReader _reader;
        private ExceptionDispatchInfo? _failure;
        private bool _disposed;

        /// <summary>Starts reading the epoch on a background thread.</summary>
        /// <param name="reader">The reader whose data is read.</param>
        /// <param name="epoch">The epoch number.</param>
        /// <param name="cancellationToken">The consumer's token; it also stops the producer.</param>
        public RunningEpoch(PixelBatchReader reader, int epoch, CancellationToken cancellationToken)
        {
            _reader = reader;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // Queued batches, the one being filled and the one the consumer holds.
            for (int i = 0; i < PrefetchBatches + 2; i++)
            {
                _free.Add(new float[checked(reader.BatchSize * reader.Shape.Size)]);
            }
            var token = _stop.Token;
            _thread = new Thread(() => Run(reader, epoch, token)) { IsBackground = true, Name = "Gan pixel batch reader" };
            _thread.Start();
        }

        /// <summary>Yields the queued batches until the producer finishes, then rethrows its failure, if any.</summary>
        /// <param name="cancellationToken">The consumer's token.</param>
        /// <returns>The epoch's batches.</returns>
        public IEnumerable<PixelBatch> Batches(CancellationToken cancellationToken)
        {
            float[]? held = null;
            while (true)
            {
                if (held is not null)
                {
                    _free.Add(held);
                    held = null;
                }
                var waitStart = Stopwatch.GetTimestamp();
                var taken = _ready.TryTake(out var batch, Timeout.Infinite, cancellationToken);
                Interlocked.Add(ref _reader._waitTicks, Stopwatch.GetTimestamp() - waitStart);
                if (!taken)
                {
                    break;
                }
                held = batch.Pixels;
                yield return batch;
            }
            Volatile.Read(ref _failure)?.Throw();
        }

        /// <summary>Stops the producer and waits for it.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _stop.Cancel();
            _thread.Join();
            _stop.Dispose();
            _ready.Dispose();
            _free.Dispose();
        }

        private void Run(PixelBatchReader reader, int epoch, CancellationToken token)
        {
            try
            {
                foreach (var batch in reader.Produce(epoch, t => _free.Take(t), token))
                {
                    _ready.Add(batch, token);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Stopped by the consumer or by Dispose: nothing to report.
            }
            catch (Exception ex)
            {
                Volatile.Write(ref _failure, ExceptionDispatchInfo.Capture(ex));
            }
            finally
            {
                _ready.CompleteAdding();
            }
        }
    }
}
