namespace Microsoft.ML.Gan.Data;

/// <summary>Images brought to another number of channels by repeating their planes, as a grey image becomes RGB.</summary>
internal static class ImageChannels
{
    /// <summary>
    /// <paramref name="data"/> with <paramref name="outputColumnName"/> added: the images of <paramref name="inputColumnName"/>
    /// (planar, <paramref name="channels"/> channels) repeated to <paramref name="targetChannels"/> channels.
    /// </summary>
    public static IDataView Repeat(TransformsCatalog catalog, IDataView data, string inputColumnName, int channels, string outputColumnName,
        int targetChannels)
    {
        var planes = Enumerable.Repeat(inputColumnName, targetChannels / channels).ToArray();
        return catalog.Concatenate(outputColumnName, planes).Fit(data).Transform(data);
    }
}
