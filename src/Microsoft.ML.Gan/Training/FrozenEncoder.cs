using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// The fixed encoder f of a Domain Transfer Network: layers in eval mode whose parameters take no gradient, so that
/// training G through f(G(s)) moves only G. Gradients still flow through f to its input.
/// </summary>
internal sealed class FrozenEncoder : IDisposable
{
    private readonly IDisposable? _owner;

    /// <summary>
    /// Freezes <paramref name="layers"/>, which read images of <paramref name="image"/> in [-1, 1] and write one feature
    /// vector per image; <paramref name="owner"/>, when given, is disposed with the encoder (the caller keeps a module it passed in).
    /// <paramref name="shapeFeaturesFrom"/> is the index from which its features describe the image's shape rather than
    /// its tones, null when they are not told apart.
    /// </summary>
    /// <exception cref="ArgumentException">The layers do not map such images to [N, features], or cannot be exported.</exception>
    public FrozenEncoder(Sequential layers, ImageShape image, string description, IDisposable? owner = null, int? shapeFeaturesFrom = null)
    {
        Layers = layers;
        Image = image;
        Description = description;
        _owner = owner;
        layers.eval();
        foreach (var parameter in layers.parameters())
        {
            parameter.requires_grad = false;
        }
        SequentialOnnxExport.Check(layers, 1, image.Channels, image.Height, image.Width);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var device = layers.parameters().FirstOrDefault()?.device ?? CPU;
        var probe = layers.forward(zeros(1, image.Channels, image.Height, image.Width, device: device));
        if (probe.dim() != 2)
        {
            throw new ArgumentException(
                $"The encoder f must map images [N, {image.Channels}, {image.Height}, {image.Width}] to features [N, F]; found an output of shape [{string.Join(", ", probe.shape)}].");
        }
        FeatureCount = (int)probe.shape[1];
        if (shapeFeaturesFrom is < 0 || shapeFeaturesFrom >= FeatureCount)
        {
            throw new ArgumentOutOfRangeException(nameof(shapeFeaturesFrom), shapeFeaturesFrom, $"The shape features start within the encoder's {FeatureCount} features.");
        }
        ShapeFeaturesFrom = shapeFeaturesFrom;
    }

    /// <summary>
    /// The index from which the features describe the image's shape (the width profile's bands, the silhouette's
    /// cells) rather than its tones; null when the encoder does not tell the two apart.
    /// </summary>
    public int? ShapeFeaturesFrom { get; }

    /// <summary>The layers, frozen.</summary>
    public Sequential Layers { get; }

    /// <summary>The images f reads: the target domain's shape.</summary>
    public ImageShape Image { get; }

    /// <summary>Length of f's feature vector.</summary>
    public int FeatureCount { get; }

    /// <summary>Which encoder this is, for logs and reports.</summary>
    public string Description { get; }

    /// <summary>f of images [N, C, H, W] in [-1, 1]: [N, <see cref="FeatureCount"/>].</summary>
    public Tensor Encode(Tensor images) => Layers.forward(images);

    /// <summary>Appends f to <paramref name="graph"/> after tensor <paramref name="images"/> (in [-1, 1]); returns the features' name.</summary>
    public string Export(OnnxGraphBuilder graph, string images) => SequentialOnnxExport.Append(graph, Layers, images);

    /// <summary>Releases the owner of the layers, if the encoder has one.</summary>
    public void Dispose() => _owner?.Dispose();
}
