using System.Diagnostics;
using Microsoft.ML.Gan.Data;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>The data bridge alone: how fast the library's reader delivers shuffled batches when nothing trains on them.</summary>
internal static class ReaderMeasurement
{
    /// <summary>Images/s of one epoch read through <see cref="PixelBatchReader"/> as the estimator configures it.</summary>
    public static double ImagesPerSecond(IDataView digits, int batchSize)
    {
        using var reader = new PixelBatchReader(digits, GanDataCatalog.PixelsColumnName, batchSize, seed: BenchSetup.Seed,
            shuffle: true, dropLastBatch: true);
        var clock = Stopwatch.StartNew();
        long images = 0;
        foreach (var batch in reader.ReadEpoch(0))
        {
            images += batch.Count;
        }
        return images / clock.Elapsed.TotalSeconds;
    }
}
