using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>The hand-written loop's input: every image of a <c>Pixels</c> column in one tensor, built before any timing.</summary>
internal static class PrebuiltImages
{
    /// <summary>Reads the column once into a [N, C, H, W] tensor scaled from 0..255 to [-1, 1], as the library scales batches.</summary>
    public static Tensor Build(IDataView data, string columnName, Device device)
    {
        var column = data.Schema[columnName];
        var dimensions = ((VectorDataViewType)column.Type).Dimensions;
        var size = ((VectorDataViewType)column.Type).Size;
        var values = new List<float>();
        using (var cursor = data.GetRowCursor([column]))
        {
            var getPixels = cursor.GetGetter<VBuffer<float>>(column);
            VBuffer<float> pixels = default;
            while (cursor.MoveNext())
            {
                getPixels(ref pixels);
                values.AddRange(pixels.DenseValues());
            }
        }
        long[] shape = [values.Count / size, .. dimensions.Select(d => (long)d)];
        using var raw = tensor(values.ToArray(), shape);
        return raw.to(device).div(127.5).sub_(1);
    }
}
