namespace Microsoft.ML.Gan.Tests.Deduplication;

/// <summary>Grouping of semantic hashes: exact buckets, Hamming radius, shifted keys and the pair score.</summary>
[TestClass]
public sealed class DuplicateGroupsTests
{
    private static readonly UInt128 A = 0b1011;
    private static readonly UInt128 NearA = 0b1010;
    private static readonly UInt128 B = (UInt128)0xF0 << 100;

    [TestMethod]
    public void EqualKeysShareAGroupNumberedByFirstRow()
    {
        var groups = DuplicateGroups.FromKeys([B, A, B, NearA, B], shiftedKeys: null, maxHammingDistance: 0);

        CollectionAssert.AreEqual(new uint[] { 0, 1, 0, 2, 0 }, groups.GroupOfRow.ToArray());
        CollectionAssert.AreEqual(new[] { false, false, true, false, true }, Enumerable.Range(0, 5).Select(groups.IsDuplicate).ToArray());
        Assert.AreEqual(3, groups.GroupCount);
        Assert.HasCount(1, groups.Duplicates);
        CollectionAssert.AreEqual(new[] { 0, 2, 4 }, groups.Duplicates[0]);
    }

    [TestMethod]
    public void HammingRadiusJoinsNearKeys()
    {
        Assert.AreEqual(2, DuplicateGroups.FromKeys([A, NearA, B], null, maxHammingDistance: 1).GroupCount);
        Assert.AreEqual(3, DuplicateGroups.FromKeys([A, NearA ^ 0b100000, B], null, maxHammingDistance: 1).GroupCount, "two bits apart");
        Assert.AreEqual(2, DuplicateGroups.FromKeys([A, NearA ^ 0b100000, B], null, maxHammingDistance: 2).GroupCount);
    }

    [TestMethod]
    public void ShiftedKeysJoinTheRowsTheyMatch()
    {
        var groups = DuplicateGroups.FromKeys([A, B, NearA], [[B], [], []], maxHammingDistance: 0);

        Assert.AreEqual(groups.GroupOfRow[0], groups.GroupOfRow[1]);
        Assert.AreNotEqual(groups.GroupOfRow[0], groups.GroupOfRow[2]);
    }

    [TestMethod]
    public void ScoreCountsKnownPairsAgainstAllFlaggedPairs()
    {
        // Groups {0, 2, 4} (three flagged pairs) and {1, 3} (one).
        var groups = DuplicateGroups.FromKeys([B, A, B, A, B, NearA], null, 0);

        var score = groups.Score([new DuplicatePair(0, 4), new DuplicatePair(1, 3), new DuplicatePair(0, 5)]);

        Assert.AreEqual(new DuplicateDetectionScore(3, 2, 4), score);
        Assert.AreEqual(2.0 / 3, score.Recall, 1e-12);
        Assert.AreEqual(0.5, score.Precision, 1e-12);
        Assert.AreEqual(2, score.FalsePositives);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => groups.Score([new DuplicatePair(0, 6)]));
    }

    [TestMethod]
    public void PlantedCopiesAreNearTheirOriginalsAndDeterministic()
    {
        var shape = new Microsoft.ML.Gan.Data.ImageShape(3, 8, 8);
        var random = new Random(1);
        var images = Enumerable.Range(0, 10).Select(_ => Enumerable.Range(0, shape.Size).Select(_ => (float)random.Next(256)).ToArray()).ToList();

        var planted = NearDuplicates.Plant(images, shape, count: 4, seed: 2);
        var again = NearDuplicates.Plant(images, shape, count: 4, seed: 2);

        Assert.HasCount(14, planted.Images);
        Assert.HasCount(4, planted.Pairs);
        CollectionAssert.AreEqual(planted.Pairs.ToArray(), again.Pairs.ToArray());
        Assert.AreEqual(4, planted.Pairs.Select(pair => pair.Original).Distinct().Count());
        CollectionAssert.AreEqual(Enumerable.Range(10, 4).ToArray(), planted.Pairs.Select(pair => pair.Copy).ToArray());
        foreach (var pair in planted.Pairs)
        {
            CollectionAssert.AreEqual(planted.Images[pair.Copy], again.Images[pair.Copy]);
            CollectionAssert.AreNotEqual(images[pair.Original], planted.Images[pair.Copy]);
            Assert.IsTrue(planted.Images[pair.Copy].All(v => v is >= 0 and <= 255 && v == MathF.Round(v)), "re-encoded: whole values in 0..255");
        }
    }
}
