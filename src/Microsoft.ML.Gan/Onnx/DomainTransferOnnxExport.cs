using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Training;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Onnx;

/// <summary>
/// Writes G = g ∘ f of a trained Domain Transfer Network as one ONNX graph: source pixels planar C×H×W in 0..255
/// (normalised to [-1, 1], a grey plane replicated to the target's channels) through the frozen encoder f and the
/// generator g to target-domain pixels in 0..255, one row per run.
/// </summary>
internal static class DomainTransferOnnxExport
{
    /// <summary>The graph name, how a saved transfer model is recognised.</summary>
    public const string GraphName = "domain_transfer";

    /// <summary>The graph name of the constancy encoder (f unless another was given) alone.</summary>
    public const string EncoderGraphName = "domain_transfer_encoder";

    /// <summary><paramref name="inputColumn"/> [1, source C, H, W] → <paramref name="outputColumn"/> [1, target C, H, W].</summary>
    public static byte[] Export(DomainTransferModel model, ImageShape source, string inputColumn, string outputColumn)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.TransferGenerator.eval();
        var target = model.Encoder.Frozen.Image;
        var graph = new OnnxGraphBuilder(GraphName);
        var x = NormalisedInput(graph, inputColumn, source);
        if (source.Channels != target.Channels)
        {
            x = graph.Concat(1, Enumerable.Repeat(x, target.Channels).ToArray());
        }
        var pixels = DcganOnnxExport.AppendGenerator(graph, model.TransferGenerator, model.Encoder.ExportSource(graph, x));
        graph.Output(pixels, outputColumn, 1, target.Channels, target.Height, target.Width);
        return graph.ToBytes();
    }

    /// <summary>
    /// The encoder L_CONST compares (f unless another was given) alone, as L_CONST reads source images
    /// (<paramref name="sourceStatistics"/>) or target-domain images (the two differ when the features are standardised
    /// per domain): <paramref name="inputColumn"/> [1, target C, H, W] in 0..255 → <paramref name="outputColumn"/> [1, features].
    /// </summary>
    public static byte[] ExportEncoder(DomainTransferModel model, bool sourceStatistics, string inputColumn, string outputColumn)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var graph = new OnnxGraphBuilder(EncoderGraphName);
        var encoder = model.ConstancyEncoder;
        var images = NormalisedInput(graph, inputColumn, encoder.Frozen.Image);
        var features = sourceStatistics ? encoder.ExportSource(graph, images) : encoder.ExportTarget(graph, images);
        graph.Output(features, outputColumn, 1, encoder.Frozen.FeatureCount);
        return graph.ToBytes();
    }

    /// <summary>The graph input <paramref name="column"/> [1, C, H, W] in 0..255, mapped to [-1, 1].</summary>
    private static string NormalisedInput(OnnxGraphBuilder graph, string column, ImageShape shape) =>
        graph.Affine(graph.Input(column, 1, shape.Channels, shape.Height, shape.Width), 1 / 127.5f, -1);
}
