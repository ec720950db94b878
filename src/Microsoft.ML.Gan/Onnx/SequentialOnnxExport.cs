using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Onnx;

/// <summary>
/// Writes a TorchSharp <see cref="Sequential"/> as ONNX nodes, layer by layer, in eval mode: convolutions, linear
/// layers, batch norms, ReLU, LeakyReLU, Tanh, Sigmoid, square max pooling and flattening from dimension 1.
/// </summary>
internal static class SequentialOnnxExport
{
    /// <summary>The layer types <see cref="Append"/> writes, for error messages.</summary>
    public const string SupportedLayers = "Conv2d, ConvTranspose2d, Linear, BatchNorm1d, BatchNorm2d, ReLU, LeakyReLU, Tanh, Sigmoid, MaxPool2d (square, stride = kernel), Flatten (from dimension 1)";

    /// <summary>Appends the layers of <paramref name="network"/> to <paramref name="graph"/> after tensor <paramref name="x"/>; returns the output tensor's name.</summary>
    public static string Append(OnnxGraphBuilder graph, Sequential network, string x)
    {
        foreach (var layer in network.children())
        {
            x = layer switch
            {
                Conv2d convolution => graph.Conv2d(x, convolution),
                ConvTranspose2d deconvolution => graph.ConvTranspose2d(x, deconvolution),
                Linear linear => graph.Linear(x, linear),
                BatchNorm2d norm => graph.BatchNorm2d(x, norm),
                BatchNorm1d norm => graph.BatchNorm1d(x, norm),
                ReLU => graph.Relu(x),
                LeakyReLU leaky => graph.LeakyRelu(x, (float)leaky.negative_slope),
                Tanh => graph.Tanh(x),
                Sigmoid => graph.Sigmoid(x),
                MaxPool2d pool => graph.MaxPool2d(x, PoolKernel(pool)),
                Flatten flatten when flatten.start_dim == 1 => graph.Flatten(x),
                _ => throw new NotSupportedException(
                    $"The ONNX export cannot write layer '{layer.GetName()}' of type {layer.GetType().Name}; expected one of: {SupportedLayers}."),
            };
        }
        return x;
    }

    /// <summary>Throws unless every layer of <paramref name="network"/> is one <see cref="Append"/> writes, for inputs of <paramref name="inputShape"/>.</summary>
    public static void Check(Sequential network, params long[] inputShape)
    {
        var graph = new OnnxGraphBuilder("check");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Append(graph, network, graph.Input("x", inputShape));
    }

    private static int PoolKernel(MaxPool2d pool)
    {
        var kernel = pool.kernel_size;
        var stride = pool.stride ?? kernel;
        if (kernel.Distinct().Count() != 1 || !stride.SequenceEqual(kernel) || pool.padding?.Any(p => p != 0) == true)
        {
            throw new NotSupportedException(
                $"The ONNX export writes square max pooling with stride equal to the kernel and no padding; found kernel [{string.Join(", ", kernel)}], stride [{string.Join(", ", stride)}].");
        }
        return (int)kernel[0];
    }
}
