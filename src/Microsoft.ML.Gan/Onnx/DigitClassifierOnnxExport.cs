using Microsoft.ML.Gan.Networks;

namespace Microsoft.ML.Gan.Onnx;

/// <summary>
/// Writes the inference graph of a trained <see cref="DigitClassifierNetwork"/> as ONNX: pixels planar C×H×W in
/// 0..255 (normalised to [-1, 1] inside) to class probabilities and features, one row per run.
/// </summary>
internal static class DigitClassifierOnnxExport
{
    /// <summary>
    /// <paramref name="pixelsColumn"/> [1, C, H, W] → <paramref name="probabilitiesColumn"/> [1, classes] (softmax) and
    /// <paramref name="featuresColumn"/> [1, <see cref="DigitClassifierNetwork.FeatureCount"/>].
    /// </summary>
    public static byte[] Export(DigitClassifierNetwork network, string pixelsColumn, string probabilitiesColumn, string featuresColumn)
    {
        var image = network.Image;
        var graph = new OnnxGraphBuilder("digit_classifier");
        var x = graph.Affine(graph.Input(pixelsColumn, 1, image.Channels, image.Height, image.Width), 1 / 127.5f, -1);
        var features = SequentialOnnxExport.Append(graph, network.FeatureLayers, x);
        graph.Output(features, featuresColumn, 1, DigitClassifierNetwork.FeatureCount);
        graph.Output(graph.Softmax(graph.Linear(features, network.Output)), probabilitiesColumn, 1, network.ClassCount);
        return graph.ToBytes();
    }
}
