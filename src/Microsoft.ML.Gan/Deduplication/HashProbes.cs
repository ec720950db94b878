namespace Microsoft.ML.Gan.Deduplication;

/// <summary>The keys a row is looked up under: its own, the keys of its shifted copies, and those within a Hamming radius of either.</summary>
internal static class HashProbes
{
    /// <summary>The keys differing from <paramref name="key"/> in at most <paramref name="radius"/> bits (0, 1 or 2), the key itself first.</summary>
    public static IEnumerable<UInt128> WithinHammingDistance(UInt128 key, int radius)
    {
        yield return key;
        for (var i = 0; i < DeduplicationOptions.CodeSize && radius >= 1; i++)
        {
            var once = key ^ (UInt128.One << i);
            yield return once;
            for (var j = i + 1; j < DeduplicationOptions.CodeSize && radius >= 2; j++)
            {
                yield return once ^ (UInt128.One << j);
            }
        }
    }
}
