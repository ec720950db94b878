using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Onnx;

/// <summary>
/// Rebuilds trained DCGAN networks from the ONNX graphs <see cref="DcganOnnxExport"/> wrote. The discriminator: the
/// image shape comes from the graph input, the layer plan from the convolution weights' shapes, the weights and
/// batch-norm statistics from the initializers. The inverse of the export, so a saved discriminator.zip can be
/// exported again in another form (features only, other layers, another grid).
/// </summary>
internal static class DcganOnnxImport
{
    /// <summary>
    /// The discriminator held by <paramref name="model"/> (ONNX bytes), in eval mode on the CPU;
    /// <paramref name="source"/> names where the bytes came from in error messages.
    /// </summary>
    public static DcganDiscriminator Discriminator(byte[] model, string source)
    {
        var contents = Read(model, source, DcganOnnxExport.DiscriminatorGraphName, "discriminator");
        var convolutions = contents.Nodes.Where(node => node.OpType == "Conv").Select(node => Weight(contents, node, 1, source)).ToList();
        var norms = Norms(contents, source);
        if (contents.Inputs.Count != 1 || contents.Inputs[0].Dims.Count != 4 || convolutions.Count < 2 || convolutions[0].Dims.Length != 4)
        {
            throw new InvalidDataException(
                $"{source}: a DCGAN discriminator graph has one input [1, C, H, W] and at least two 4-D convolutions; found {contents.Inputs.Count} inputs and {convolutions.Count} convolutions.");
        }
        var dims = contents.Inputs[0].Dims;
        var image = new ImageShape((int)dims[1], (int)dims[2], (int)dims[3]);
        // Latent size and generator width do not shape the discriminator; 1 is a placeholder for both.
        var layout = DcganLayout.For(image, latentSize: 1, generatorWidth: 1, discriminatorWidth: (int)convolutions[0].Dims[0]);
        var discriminator = new DcganDiscriminator(layout, batchNorm: norms.Count > 0);
        if (discriminator.Convolutions.Count != convolutions.Count || discriminator.Norms.Count != norms.Count)
        {
            throw new InvalidDataException(
                $"{source}: a DCGAN discriminator of {image} has {discriminator.Convolutions.Count} convolutions and {discriminator.Norms.Count} batch norms; found {convolutions.Count} and {norms.Count}.");
        }
        using (no_grad())
        {
            for (var i = 0; i < convolutions.Count; i++)
            {
                Copy(convolutions[i], discriminator.Convolutions[i].weight!, source);
            }
            CopyNorms(norms, discriminator.Norms, source);
        }
        discriminator.eval();
        return discriminator;
    }

    /// <summary>
    /// The generator held by <paramref name="model"/> (ONNX bytes of <see cref="DcganOnnxExport.Generator"/>), in eval
    /// mode on the CPU: latent size and first map side from the first deconvolution, the number of doublings from the
    /// batch norms, the width from the last deconvolution.
    /// </summary>
    public static DcganGenerator Generator(byte[] model, string source)
    {
        var contents = Read(model, source, DcganOnnxExport.GeneratorGraphName, "generator");
        var deconvolutions = contents.Nodes.Where(node => node.OpType == "ConvTranspose").Select(node => Weight(contents, node, 1, source)).ToList();
        var norms = Norms(contents, source);
        if (deconvolutions.Count < 2 || deconvolutions.Count != norms.Count + 1 || deconvolutions.Any(weight => weight.Dims.Length != 4))
        {
            throw new InvalidDataException(
                $"{source}: a DCGAN generator graph has one 4-D deconvolution more than batch norms, at least two; found {deconvolutions.Count} deconvolutions and {norms.Count} batch norms.");
        }
        var (first, last) = (deconvolutions[0].Dims, deconvolutions[^1].Dims);
        var side = (int)first[2] << norms.Count;
        var image = new ImageShape((int)last[1], side, side);
        var generator = new DcganGenerator(DcganLayout.For(image, latentSize: (int)first[0], generatorWidth: (int)last[0], discriminatorWidth: 1));
        using (no_grad())
        {
            for (var i = 0; i < deconvolutions.Count; i++)
            {
                Copy(deconvolutions[i], generator.Deconvolutions[i].weight!, source);
            }
            CopyNorms(norms, generator.Norms, source);
        }
        generator.eval();
        return generator;
    }

    /// <summary>Reads the model and checks it is this library's graph <paramref name="graphName"/>.</summary>
    private static OnnxModelContents Read(byte[] model, string source, string graphName, string network)
    {
        OnnxModelContents contents;
        try
        {
            contents = OnnxModelReader.Read(model);
        }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException($"{source} does not hold a readable ONNX model: {error.Message}", error);
        }
        if (contents.ProducerName != OnnxModelEncoder.ProducerName || contents.GraphName != graphName)
        {
            throw new InvalidDataException(
                $"{source} is not a DCGAN {network} of Microsoft.ML.Gan: expected an ONNX graph '{graphName}' " +
                $"produced by '{OnnxModelEncoder.ProducerName}'; found graph '{contents.GraphName}' produced by '{contents.ProducerName}'.");
        }
        return contents;
    }

    /// <summary>Scale, bias, running mean and running variance of every batch norm, in graph order.</summary>
    private static List<OnnxFloatTensor[]> Norms(OnnxModelContents contents, string source) =>
        [.. contents.Nodes.Where(node => node.OpType == "BatchNormalization")
            .Select(node => Enumerable.Range(1, 4).Select(input => Weight(contents, node, input, source)).ToArray())];

    private static void CopyNorms(List<OnnxFloatTensor[]> from, IList<BatchNorm2d> to, string source)
    {
        for (var i = 0; i < from.Count; i++)
        {
            Copy(from[i][0], to[i].weight!, source);
            Copy(from[i][1], to[i].bias!, source);
            Copy(from[i][2], to[i].running_mean!, source);
            Copy(from[i][3], to[i].running_var!, source);
        }
    }

    private static OnnxFloatTensor Weight(OnnxModelContents contents, OnnxNode node, int input, string source) =>
        node.Inputs.Count > input && contents.FloatInitializers.TryGetValue(node.Inputs[input], out var tensor)
            ? tensor
            : throw new InvalidDataException($"{source}: input {input} of the {node.OpType} node '{node.Name}' is not a float constant.");

    private static void Copy(OnnxFloatTensor from, Tensor to, string source)
    {
        if (!from.Dims.SequenceEqual(to.shape))
        {
            throw new InvalidDataException(
                $"{source}: weight '{from.Name}' should have shape [{string.Join(", ", to.shape)}]; found [{string.Join(", ", from.Dims)}].");
        }
        using var values = tensor(from.Values, from.Dims);
        to.copy_(values);
    }
}
