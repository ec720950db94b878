using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Onnx;

/// <summary>
/// Rebuilds a trained DCGAN discriminator from the ONNX graph <see cref="DcganOnnxExport.Discriminator"/> wrote: the
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
        OnnxModelContents contents;
        try
        {
            contents = OnnxModelReader.Read(model);
        }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException($"{source} does not hold a readable ONNX model: {error.Message}", error);
        }
        if (contents.ProducerName != OnnxModelEncoder.ProducerName || contents.GraphName != DcganOnnxExport.DiscriminatorGraphName)
        {
            throw new InvalidDataException(
                $"{source} is not a DCGAN discriminator of Microsoft.ML.Gan: expected an ONNX graph '{DcganOnnxExport.DiscriminatorGraphName}' " +
                $"produced by '{OnnxModelEncoder.ProducerName}'; found graph '{contents.GraphName}' produced by '{contents.ProducerName}'.");
        }
        var convolutions = contents.Nodes.Where(node => node.OpType == "Conv").Select(node => Weight(contents, node, 1, source)).ToList();
        var norms = contents.Nodes.Where(node => node.OpType == "BatchNormalization")
            .Select(node => Enumerable.Range(1, 4).Select(input => Weight(contents, node, input, source)).ToArray()).ToList();
        if (contents.Inputs.Count != 1 || contents.Inputs[0].Dims.Count != 4 || convolutions.Count < 2 || convolutions[0].Dims.Length != 4)
        {
            throw new InvalidDataException(
                $"{source}: a DCGAN discriminator graph has one input [1, C, H, W] and at least two 4-D convolutions; found {contents.Inputs.Count} inputs and {convolutions.Count} convolutions.");
        }
        var dims = contents.Inputs[0].Dims;
        var image = new ImageShape((int)dims[1], (int)dims[2], (int)dims[3]);
        // Latent size and generator width do not shape the discriminator; 1 is a placeholder for both.
        var layout = DcganLayout.For(image, latentSize: 1, generatorWidth: 1, discriminatorWidth: (int)convolutions[0].Dims[0]);
        var discriminator = new DcganDiscriminator(layout);
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
            for (var i = 0; i < norms.Count; i++)
            {
                var norm = discriminator.Norms[i];
                Copy(norms[i][0], norm.weight!, source);
                Copy(norms[i][1], norm.bias!, source);
                Copy(norms[i][2], norm.running_mean!, source);
                Copy(norms[i][3], norm.running_var!, source);
            }
        }
        discriminator.eval();
        return discriminator;
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
