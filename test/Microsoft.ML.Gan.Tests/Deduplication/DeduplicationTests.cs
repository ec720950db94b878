using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Tests.Data;
using static Microsoft.ML.Gan.Tests.Transformers.DcganEstimatorTests;

namespace Microsoft.ML.Gan.Tests.Deduplication;

/// <summary>The de-duplication autoencoder: buckets, the added columns, removal, planted near-duplicates and errors.</summary>
[TestClass]
public sealed class DeduplicationTests
{
    private const int Side = 16;
    private const int Patterns = 60;

    [TestMethod]
    public void ExactCopiesShareAGroupAndDifferentPatternsMostlyDoNot()
    {
        var mlContext = new MLContext(seed: 1);
        var images = RandomPatterns(Patterns, seed: 1);
        var copied = new[] { 3, 17, 17, 42, 59 };
        var data = Images(images.Concat(copied.Select(i => images[i])).ToList());

        using var deduplication = mlContext.Transforms.Gan.Deduplicate(new DeduplicationOptions { Epochs = 20, Seed = 1, TorchThreads = 1 }).Fit(data);
        var groups = deduplication.FindGroups(data);

        for (var c = 0; c < copied.Length; c++)
        {
            Assert.AreEqual(groups.GroupOfRow[copied[c]], groups.GroupOfRow[Patterns + c], $"copy of pattern {copied[c]}");
            Assert.IsTrue(groups.IsDuplicate(Patterns + c));
        }
        Assert.AreEqual(Patterns, groups.GroupCount, "the 60 random patterns all get a bucket of their own");
        Assert.AreEqual(copied.Length, groups.DuplicateCount);
        CollectionAssert.AreEqual(new[] { 17, Patterns + 1, Patterns + 2 }, groups.Duplicates[0], "largest group first, rows ascending");
    }

    [TestMethod]
    public void IsDuplicateKeepsExactlyOneRowPerGroupAndRemoveDuplicatesKeepsIt()
    {
        var mlContext = new MLContext(seed: 1);
        var images = RandomPatterns(20, seed: 2);
        var data = Images([.. images, images[5], images[0], images[5]]);
        using var deduplication = mlContext.Transforms.Gan.Deduplicate(new DeduplicationOptions { Epochs = 5, Seed = 1, TorchThreads = 1 }).Fit(data);

        var transformed = deduplication.Transform(data);
        var groupIds = transformed.GetColumn<uint>(DeduplicationOptions.Defaults.GroupColumnName).ToArray();
        var flags = transformed.GetColumn<bool>(DeduplicationOptions.Defaults.IsDuplicateColumnName).ToArray();

        Assert.HasCount(23, groupIds);
        foreach (var group in groupIds.Distinct())
        {
            var members = Enumerable.Range(0, groupIds.Length).Where(row => groupIds[row] == group).ToList();
            Assert.AreEqual(1, members.Count(row => !flags[row]), $"group {group}: one row kept");
            Assert.IsFalse(flags[members[0]], $"group {group}: the first row is the one kept");
        }
        CollectionAssert.AreEqual(Enumerable.Range(0, groupIds.Distinct().Count()).Select(g => (uint)g).ToArray(),
            groupIds.Distinct().ToArray(), "groups are numbered in order of their first row");
        Assert.IsTrue(flags[20] && flags[21] && flags[22]);

        var kept = deduplication.RemoveDuplicates(data);
        var keptPixels = kept.GetColumn<VBuffer<float>>("Pixels").Select(v => v.DenseValues().ToArray()).ToList();
        Assert.HasCount(groupIds.Distinct().Count(), keptPixels);
        Assert.AreEqual(keptPixels.Count, kept.GetRowCount(), "known once the groups are found");
        Assert.IsFalse(kept.GetColumn<bool>(DeduplicationOptions.Defaults.IsDuplicateColumnName).Any(flag => flag));
        CollectionAssert.AreEqual(images[0], keptPixels[0]);
    }

    [TestMethod]
    public void PlantedNearDuplicatesAreFoundWhenShiftsAreProbed()
    {
        // Measured (seed 1, 400 digits, 40 planted, 30 epochs): recall 0.375 with shifts probed (precision 0.94), 0 without.
        var mlContext = new MLContext(seed: 1);
        var digits = VectorColumn.Read(Digits(mlContext, rows: 400), "Pixels").ToList();
        var planted = NearDuplicates.Plant(digits, new ImageShape(1, 28, 28), count: 40, seed: 1);
        var data = planted.ToDataView();
        var options = new DeduplicationOptions { Epochs = 30, Seed = 1, TorchThreads = 1, ShiftTolerance = 2 };

        DuplicateDetectionScore Score()
        {
            using var deduplication = mlContext.Transforms.Gan.Deduplicate(options).Fit(data);
            return deduplication.FindGroups(data).Score(planted.Pairs);
        }
        var score = Score();
        options.ShiftTolerance = 0;
        var exactOnly = Score();

        Assert.IsGreaterThanOrEqualTo(0.25, score.Recall, $"recall {score.Recall}");
        Assert.IsGreaterThanOrEqualTo(0.85, score.Precision, $"precision {score.Precision}");
        Assert.IsLessThan(score.Recall, exactOnly.Recall, "shifted copies are what the exact buckets miss");
    }

    [TestMethod]
    public void SameSeedSameHashes()
    {
        var data = Images(RandomPatterns(30, seed: 3));
        UInt128[] Keys()
        {
            using var deduplication = new MLContext(seed: 1).Transforms.Gan.Deduplicate(epochs: 3, seed: 7).Fit(data);
            return [.. deduplication.FindGroups(data).Keys];
        }
        CollectionAssert.AreEqual(Keys(), Keys());
    }

    [TestMethod]
    public void WrongColumnSizeNamesTheColumnAndBothShapes()
    {
        var mlContext = new MLContext(seed: 1);
        using var deduplication = mlContext.Transforms.Gan.Deduplicate(epochs: 1, seed: 1).Fit(Images(RandomPatterns(8, seed: 4)));
        var wrong = PixelRows.Create(mlContext, 4, [3, 8, 8]);

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => deduplication.Transform(wrong));
        StringAssert.Contains(error.Message, "'Pixels'");
        StringAssert.Contains(error.Message, "1×16×16");
        StringAssert.Contains(error.Message, "Vector<Single, 3, 8, 8>");

        var missing = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            mlContext.Transforms.Gan.Deduplicate(inputColumnName: "Image").GetOutputSchema(ShapeOf(wrong.Schema)));
        StringAssert.Contains(missing.Message, "'Image'");
    }

    [TestMethod]
    public void EmptyDataAndNaNAreRefused()
    {
        var mlContext = new MLContext(seed: 1);
        var estimator = mlContext.Transforms.Gan.Deduplicate(epochs: 1, seed: 1);

        var empty = Assert.ThrowsExactly<InvalidDataException>(() => estimator.Fit(PixelRows.Create(mlContext, 0, [1, 8, 8])));
        StringAssert.Contains(empty.Message, "no rows");
        var nan = Assert.ThrowsExactly<InvalidDataException>(() =>
            estimator.Fit(PixelRows.Create(mlContext, 3, [1, 8, 8], row => row == 1 ? [.. Enumerable.Repeat(float.NaN, 64)] : new float[64])));
        StringAssert.Contains(nan.Message, "NaN");
    }

    [TestMethod]
    public void OptionsOutOfRangeAreRefused()
    {
        var mlContext = new MLContext(seed: 1);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Transforms.Gan.Deduplicate(new DeduplicationOptions { Dropout = 1 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Transforms.Gan.Deduplicate(new DeduplicationOptions { MaxHammingDistance = 3 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Transforms.Gan.Deduplicate(new DeduplicationOptions { CodeThreshold = float.NaN }));
        Assert.ThrowsExactly<ArgumentException>(() => mlContext.Transforms.Gan.Deduplicate(new DeduplicationOptions { GroupColumnName = "Pixels" }));
    }

    [TestMethod]
    public void EstimatorSchemaAddsAUInt32GroupAndABooleanFlag()
    {
        var mlContext = new MLContext(seed: 1);
        var schema = mlContext.Transforms.Gan.Deduplicate().GetOutputSchema(ShapeOf(Images(RandomPatterns(2, seed: 5)).Schema));

        var group = schema.Single(column => column.Name == DeduplicationOptions.Defaults.GroupColumnName);
        Assert.AreEqual(NumberDataViewType.UInt32, group.ItemType);
        Assert.AreEqual(SchemaShape.Column.VectorKind.Scalar, group.Kind);
        var flag = schema.Single(column => column.Name == DeduplicationOptions.Defaults.IsDuplicateColumnName);
        Assert.AreEqual(BooleanDataViewType.Instance, flag.ItemType);
    }

    /// <summary>Random 4×4 blocks of black or white, scaled up to 16×16: far apart from each other in pixel space.</summary>
    private static List<float[]> RandomPatterns(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var blocks = Enumerable.Range(0, 16).Select(_ => random.Next(2) * 255f).ToArray();
            return Enumerable.Range(0, Side * Side).Select(at => blocks[(at / Side / 4) * 4 + (at % Side) / 4]).ToArray();
        })];
    }

    /// <summary>A view of 1×16×16 images, with their dimensions in the column type.</summary>
    private static IDataView Images(IReadOnlyList<float[]> images) =>
        PixelRows.Create(new MLContext(0), images.Count, [1, Side, Side], row => images[row]);
}
