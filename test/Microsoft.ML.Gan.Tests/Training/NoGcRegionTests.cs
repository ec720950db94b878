using System.Runtime;
using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Tests.Training;

/// <summary>The no-collection region around a training step: it opens again after a step outgrew its budget.</summary>
[TestClass]
public sealed class NoGcRegionTests
{
    /// <summary>
    /// A step during which another thread (a read-ahead reader) allocates past the region's budget forces a
    /// collection, which ends the no-GC latency mode; the next step still enters a region, and leaving it restores
    /// the usual mode.
    /// </summary>
    [TestMethod]
    public void RegionOpensAgainAfterItsBudgetWasExceeded()
    {
        using (NoGcRegion.Enter())
        {
            Assert.AreEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            var worker = new Thread(() =>
            {
                var kept = new List<byte[]>();
                for (var chunk = 0; chunk < 40000; chunk++)
                {
                    kept.Add(new byte[4096]);
                }
                GC.KeepAlive(kept);
            });
            worker.Start();
            worker.Join();
            Assert.AreNotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode, "160 MB allocated on another thread should outgrow the region's 64 MB budget.");
        }
        using (NoGcRegion.Enter())
        {
            Assert.AreEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
        Assert.AreNotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
