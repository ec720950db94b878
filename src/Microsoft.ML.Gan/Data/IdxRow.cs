namespace Microsoft.ML.Gan.Data;

/// <summary>One row of an IDX data set as <c>LoadFromEnumerable</c> sees it.</summary>
internal sealed class IdxRow
{
    /// <summary>The image, planar 1×rows×columns, 0..255.</summary>
    public float[] Pixels = [];

    /// <summary>The label (0..255 as stored; 0..9 for MNIST).</summary>
    public float Label;
}
