using Microsoft.ML.Gan.Onnx;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// A frozen encoder of a Domain Transfer Network as the training reads it: its features of source images and of
/// target-domain images (t and G(s)), each standardised by its own domain's statistics once those are measured
/// (<see cref="FeatureStandardisation"/>), else as they are.
/// </summary>
internal sealed class PerDomainEncoder : IDisposable
{
    private FeatureStandardisation? _source;
    private FeatureStandardisation? _target;

    /// <summary>Wraps <paramref name="encoder"/>, which it owns from now on.</summary>
    public PerDomainEncoder(FrozenEncoder encoder) => Frozen = encoder;

    /// <summary>The encoder itself.</summary>
    public FrozenEncoder Frozen { get; }

    /// <summary>From now on, standardises the features of source images by <paramref name="source"/> and those of target-domain images by <paramref name="target"/>; owns both.</summary>
    public void StandardisePerDomain(FeatureStandardisation source, FeatureStandardisation target)
    {
        _source?.Dispose();
        _target?.Dispose();
        _source = source;
        _target = target;
    }

    /// <summary>The features of source images [N, C, H, W] in [-1, 1].</summary>
    public Tensor Source(Tensor images) => Standardised(_source, Frozen.Encode(images));

    /// <summary>The features of target-domain images (t and G(s)) [N, C, H, W] in [-1, 1].</summary>
    public Tensor Target(Tensor images) => Standardised(_target, Frozen.Encode(images));

    /// <summary>Appends <see cref="Source"/> to <paramref name="graph"/> after tensor <paramref name="images"/>; returns the features' name.</summary>
    public string ExportSource(OnnxGraphBuilder graph, string images) => Export(graph, images, _source);

    /// <summary>Appends <see cref="Target"/> to <paramref name="graph"/> after tensor <paramref name="images"/>; returns the features' name.</summary>
    public string ExportTarget(OnnxGraphBuilder graph, string images) => Export(graph, images, _target);

    private string Export(OnnxGraphBuilder graph, string images, FeatureStandardisation? standardisation)
    {
        var features = Frozen.Export(graph, images);
        return standardisation?.Export(graph, features) ?? features;
    }

    private static Tensor Standardised(FeatureStandardisation? standardisation, Tensor features) =>
        standardisation?.Apply(features) ?? features;

    /// <summary>Releases the standardisations and the encoder.</summary>
    public void Dispose()
    {
        _source?.Dispose();
        _target?.Dispose();
        Frozen.Dispose();
    }
}
