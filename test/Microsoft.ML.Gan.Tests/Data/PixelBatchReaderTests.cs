using Microsoft.ML;
using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Tests.Data;

[TestClass]
public sealed class PixelBatchReaderTests
{
    private const int ImageSize = 4;
    private readonly MLContext _mlContext = new(seed: 1);

    [TestMethod]
    [DataRow(false, 103, 10, 11, 3)]
    [DataRow(true, 103, 10, 10, 10)]
    [DataRow(false, 100, 10, 10, 10)]
    [DataRow(true, 100, 10, 10, 10)]
    public void ReadEpoch_BatchCountWithAndWithoutDropLast(bool dropLast, int rows, int batchSize, int batches, int lastCount)
    {
        using var reader = new PixelBatchReader(PixelRows.Create(_mlContext, rows, [1, 2, 2]), "Pixels", batchSize, dropLastBatch: dropLast);
        var counts = reader.ReadEpoch(0).Select(b => b.Count).ToList();
        Assert.HasCount(batches, counts);
        Assert.AreEqual(lastCount, counts[^1]);
        Assert.IsTrue(counts.Take(batches - 1).All(c => c == batchSize));
    }

    [TestMethod]
    [DataRow(true, 1000)]
    [DataRow(true, 7)]
    [DataRow(false, 1000)]
    public void ReadEpoch_DeliversEveryRowExactlyOnce(bool shuffle, int poolRows)
    {
        using var reader = new PixelBatchReader(PixelRows.Create(_mlContext, 103, [1, 2, 2]), "Pixels", 8, shuffle: shuffle, shufflePoolRows: poolRows);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var order = Order(reader, epoch);
            CollectionAssert.AreEquivalent(Enumerable.Range(0, 103).ToList(), order);
        }
    }

    [TestMethod]
    public void ReadEpoch_ShuffleSource_DeliversEveryRowExactlyOnce()
    {
        // A cached view can shuffle itself: the reader then also asks for a random cursor.
        var cached = _mlContext.Data.Cache(PixelRows.Create(_mlContext, 50, [1, 2, 2]));
        Assert.IsTrue(cached.CanShuffle);
        using var reader = new PixelBatchReader(cached, "Pixels", 8, shufflePoolRows: 4);
        var first = Order(reader, 0);
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 50).ToList(), first);
        CollectionAssert.AreNotEqual(first, Order(reader, 1));
    }

    [TestMethod]
    public void ReadEpoch_NoShuffle_KeepsCursorOrder()
    {
        using var reader = new PixelBatchReader(PixelRows.Create(_mlContext, 20, [1, 2, 2]), "Pixels", 6, shuffle: false);
        CollectionAssert.AreEqual(Enumerable.Range(0, 20).ToList(), Order(reader, 0));
    }

    [TestMethod]
    public void ReadEpoch_ShufflesDifferentlyEachEpoch_AndReproducibly()
    {
        var data = PixelRows.Create(_mlContext, 60, [1, 2, 2]);
        using var reader = new PixelBatchReader(data, "Pixels", 16, seed: 42);
        using var sameSeed = new PixelBatchReader(data, "Pixels", 16, seed: 42);
        using var otherSeed = new PixelBatchReader(data, "Pixels", 16, seed: 43);

        var epoch0 = Order(reader, 0);
        var epoch1 = Order(reader, 1);
        CollectionAssert.AreNotEqual(Enumerable.Range(0, 60).ToList(), epoch0);
        CollectionAssert.AreNotEqual(epoch0, epoch1);
        CollectionAssert.AreEqual(epoch0, Order(reader, 0));
        CollectionAssert.AreEqual(epoch1, Order(sameSeed, 1));
        CollectionAssert.AreNotEqual(epoch0, Order(otherSeed, 0));
    }

    [TestMethod]
    public void ReadEpoch_DeliversStoredValues()
    {
        var data = PixelRows.Create(_mlContext, 3, [1, 2, 2], i => [i, 0, 255, 100.5f]);
        using var reader = new PixelBatchReader(data, "Pixels", 3, shuffle: false);
        var batch = reader.ReadEpoch(0).Single();
        Assert.AreEqual(3, batch.Count);
        CollectionAssert.AreEqual(new float[] { 0, 0, 255, 100.5f, 1, 0, 255, 100.5f, 2, 0, 255, 100.5f }, batch.Pixels[..12]);
        Assert.AreEqual(new ImageShape(1, 2, 2), reader.Shape);
    }

    [TestMethod]
    [DataRow(float.NaN, "NaN")]
    [DataRow(float.PositiveInfinity, "Infinity")]
    [DataRow(float.NegativeInfinity, "-Infinity")]
    public void ReadEpoch_NonFiniteValue_NamesColumnRowAndValue(float bad, string shown)
    {
        var data = PixelRows.Create(_mlContext, 10, [1, 2, 2], i => i == 5 ? [1, 2, bad, 4] : [1, 2, 3, 4]);
        using var reader = new PixelBatchReader(data, "Pixels", 4);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => reader.ReadEpoch(0).ToList());
        StringAssert.Contains(error.Message, "Column 'Pixels' of the training data");
        StringAssert.Contains(error.Message, "expected finite pixel values");
        StringAssert.Contains(error.Message, $"found {shown} at row 5, value index 2");
    }

    [TestMethod]
    public void ReadEpoch_NoRows_SaysSo()
    {
        using var reader = new PixelBatchReader(PixelRows.Create(_mlContext, 0, [1, 2, 2]), "Pixels", 4);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => reader.ReadEpoch(0).ToList());
        Assert.AreEqual("Column 'Pixels' of the training data has no rows.", error.Message);
    }

    [TestMethod]
    public void ReadEpoch_FewerRowsThanOneBatchWithDropLast_SaysSo()
    {
        using var reader = new PixelBatchReader(PixelRows.Create(_mlContext, 3, [1, 2, 2]), "Pixels", 4, dropLastBatch: true);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => reader.ReadEpoch(0).ToList());
        StringAssert.Contains(error.Message, "has 3 rows, fewer than one batch of 4");
    }

    [TestMethod]
    public void Constructor_ChecksColumn()
    {
        var data = PixelRows.Create(_mlContext, 3, [1, 2, 2]);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new PixelBatchReader(data, "Image", 4));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new PixelBatchReader(data, "Pixels", 4, new ImageShape(1, 3, 3)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new PixelBatchReader(data, "Pixels", 0));
    }

    [TestMethod]
    public void ReadEpoch_SourceFailure_SurfacesOnConsumer()
    {
        var data = PixelRows.Create(_mlContext, 100, [1, 2, 2],
            i => i == 37 ? throw new InvalidOperationException("source broke at 37") : [1, 2, 3, 4]);
        using var reader = new PixelBatchReader(data, "Pixels", 8, shuffle: false);
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => reader.ReadEpoch(0).ToList());
        Assert.AreEqual("source broke at 37", error.Message);
    }

    [TestMethod]
    public void ReadEpoch_Cancelled_StopsWithOperationCanceled()
    {
        int produced = 0;
        var data = PixelRows.Create(_mlContext, int.MaxValue, [1, 2, 2], i => { Interlocked.Increment(ref produced); return [1, 2, 3, 4]; });
        using var reader = new PixelBatchReader(data, "Pixels", 8, shuffle: false);
        using var cancellation = new CancellationTokenSource();
        int batches = 0;
        Assert.ThrowsExactly<OperationCanceledException>(() =>
        {
            foreach (var batch in reader.ReadEpoch(0, cancellation.Token))
            {
                if (++batches == 3)
                {
                    cancellation.Cancel();
                }
            }
        });
        Assert.AreEqual(3, batches);
        int afterStop = Volatile.Read(ref produced);
        Thread.Sleep(100);
        Assert.AreEqual(afterStop, Volatile.Read(ref produced), "the producer thread kept reading after cancellation");
    }

    [TestMethod]
    public void ReadEpoch_AlreadyCancelled_Throws()
    {
        using var reader = new PixelBatchReader(PixelRows.Create(_mlContext, 10, [1, 2, 2]), "Pixels", 4);
        Assert.ThrowsExactly<OperationCanceledException>(() => reader.ReadEpoch(0, new CancellationToken(canceled: true)).ToList());
    }

    [TestMethod]
    public void Dispose_StopsProducerThread()
    {
        int produced = 0;
        var data = PixelRows.Create(_mlContext, int.MaxValue, [1, 2, 2], i => { Interlocked.Increment(ref produced); return [1, 2, 3, 4]; });
        var reader = new PixelBatchReader(data, "Pixels", 8, shuffle: false);
        using (var batches = reader.ReadEpoch(0).GetEnumerator())
        {
            Assert.IsTrue(batches.MoveNext());
            reader.Dispose();
            int afterDispose = Volatile.Read(ref produced);
            Thread.Sleep(100);
            Assert.AreEqual(afterDispose, Volatile.Read(ref produced), "the producer thread kept reading after Dispose");
        }
        Assert.ThrowsExactly<ObjectDisposedException>(() => reader.ReadEpoch(1));
    }

    [TestMethod]
    public void ReadEpoch_AbandonedEnumeration_StopsProducer()
    {
        int produced = 0;
        var data = PixelRows.Create(_mlContext, int.MaxValue, [1, 2, 2], i => { Interlocked.Increment(ref produced); return [1, 2, 3, 4]; });
        using var reader = new PixelBatchReader(data, "Pixels", 8, shuffle: false);
        Assert.AreEqual(8, reader.ReadEpoch(0).First().Count);
        int afterBreak = Volatile.Read(ref produced);
        Thread.Sleep(100);
        Assert.AreEqual(afterBreak, Volatile.Read(ref produced));
    }

    [TestMethod]
    public void WaitTime_CountsTheConsumersWaitForASlowSource()
    {
        // 16 rows at 5 ms each: the consumer, which does nothing, waits about 80 ms in all, and never longer than the epoch.
        var slow = PixelRows.Create(_mlContext, 16, [1, 2, 2], i => { Thread.Sleep(5); return [1, 2, 3, 4]; });
        using var reader = new PixelBatchReader(slow, "Pixels", 4, shuffle: false);
        Assert.AreEqual(TimeSpan.Zero, reader.WaitTime);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.AreEqual(4, reader.ReadEpoch(0).Count());
        var epoch = clock.Elapsed;
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(60), reader.WaitTime);
        Assert.IsLessThanOrEqualTo(epoch, reader.WaitTime);
    }

    [TestMethod]
    [DataRow(true, 103)]
    [DataRow(false, 100)]
    public void ReadEpoch_WithoutReadAhead_GivesTheSameBatchesOnTheConsumersThread(bool shuffle, int rows)
    {
        var data = PixelRows.Create(_mlContext, rows, [1, 2, 2]);
        using var ahead = new PixelBatchReader(data, "Pixels", 8, seed: 5, shuffle: shuffle, dropLastBatch: true);
        using var inline = new PixelBatchReader(data, "Pixels", 8, seed: 5, shuffle: shuffle, dropLastBatch: true, readAhead: false);
        var consumer = Environment.CurrentManagedThreadId;
        var producers = new HashSet<int>();
        var source = PixelRows.Create(_mlContext, rows, [1, 2, 2], i =>
        {
            producers.Add(Environment.CurrentManagedThreadId);
            return [i, 0, 0, 0];
        });
        using var watched = new PixelBatchReader(source, "Pixels", 8, readAhead: false);

        for (int epoch = 0; epoch < 2; epoch++)
        {
            CollectionAssert.AreEqual(Order(ahead, epoch), Order(inline, epoch));
        }
        Assert.HasCount((rows + 7) / 8, watched.ReadEpoch(0).ToList());
        CollectionAssert.AreEqual(new[] { consumer }, producers.ToArray());
    }

    [TestMethod]
    public void ReadEpoch_WithoutReadAhead_ReportsBadValuesAndCountsTheReadingAsWaiting()
    {
        var data = PixelRows.Create(_mlContext, 10, [1, 2, 2], i => i == 5 ? [1, 2, float.NaN, 4] : [1, 2, 3, 4]);
        using var reader = new PixelBatchReader(data, "Pixels", 4, readAhead: false);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => reader.ReadEpoch(0).ToList());
        StringAssert.Contains(error.Message, "found NaN at row 5, value index 2");

        var slow = PixelRows.Create(_mlContext, 4, [1, 2, 2], i =>
        {
            Thread.Sleep(20);
            return [1, 2, 3, 4];
        });
        using var slowReader = new PixelBatchReader(slow, "Pixels", 4, readAhead: false);
        _ = slowReader.ReadEpoch(0).ToList();
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(60), slowReader.WaitTime);
    }

    /// <summary>The source rows of one epoch, in delivery order.</summary>
    private static List<int> Order(PixelBatchReader reader, int epoch)
    {
        var order = new List<int>();
        foreach (var batch in reader.ReadEpoch(epoch))
        {
            for (int i = 0; i < batch.Count; i++)
            {
                order.Add(PixelRows.RowOf(batch.Pixels, ImageSize, i));
            }
        }
        return order;
    }
}
