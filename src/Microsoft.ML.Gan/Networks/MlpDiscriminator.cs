using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// The original GAN's discriminator as in the classic MNIST implementations: the flattened image through fully
/// connected hidden layers (512 → 256 by default) with LeakyReLU(0.2), then one logit (the sigmoid is in the loss and
/// in the exported graph). With spectral normalisation, every layer uses its weight divided by its largest singular value.
/// </summary>
internal sealed class MlpDiscriminator : Module<Tensor, Tensor>, IHiddenFeatures
{
    /// <summary>Slope of the LeakyReLU for negative inputs.</summary>
    public const double LeakySlope = 0.2;

    private readonly ModuleList<Linear> _linears = new();
    private readonly ModuleList<SpectralNorm> _spectralNorms = new();

    /// <summary>Builds the discriminator of <paramref name="layout"/>, spectrally normalised when <paramref name="spectralNormalization"/>.</summary>
    public MlpDiscriminator(MlpLayout layout, bool spectralNormalization = false) : base(nameof(MlpDiscriminator))
    {
        Layout = layout;
        var inputs = layout.ImageSize;
        for (var layer = 0; layer < MlpLayout.DiscriminatorLayers; layer++)
        {
            _linears.Add(Linear(inputs, layout.DiscriminatorUnits(layer)));
            inputs = layout.DiscriminatorUnits(layer);
        }
        _linears.Add(Linear(inputs, 1));
        if (spectralNormalization)
        {
            foreach (var linear in _linears)
            {
                _spectralNorms.Add(new SpectralNorm(linear.weight!.shape[0]));
            }
        }
        RegisterComponents();
    }

    /// <summary>The layer plan.</summary>
    public MlpLayout Layout { get; }

    /// <summary>The fully connected layers, image to logit.</summary>
    public ModuleList<Linear> Linears => _linears;

    /// <summary>
    /// The weight layer <paramref name="layer"/> computes with: its own, or divided by its spectral norm (in training
    /// mode after a power iteration, so export it in eval mode).
    /// </summary>
    public Tensor Weight(int layer) =>
        _spectralNorms.Count == 0 ? _linears[layer].weight! : _spectralNorms[layer].Normalize(_linears[layer].weight!);

    /// <summary>Maps images [N, C, H, W] (or flattened) in [-1, 1] to logits [N].</summary>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return Layer(MlpLayout.DiscriminatorLayers, Hidden(images)[^1]).flatten().MoveToOuterDisposeScope();
    }

    /// <summary>Every hidden layer's activations, concatenated: [N, <see cref="MlpLayout.FeatureCount"/>].</summary>
    public Tensor Features(Tensor images)
    {
        using var scope = NewDisposeScope();
        return cat(Hidden(images), 1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public Tensor LastHiddenFeatures(Tensor images)
    {
        using var scope = NewDisposeScope();
        return Hidden(images)[^1].MoveToOuterDisposeScope();
    }

    private List<Tensor> Hidden(Tensor images)
    {
        var x = images.flatten(1);
        var activations = new List<Tensor>(MlpLayout.DiscriminatorLayers);
        for (var layer = 0; layer < MlpLayout.DiscriminatorLayers; layer++)
        {
            x = functional.leaky_relu(Layer(layer, x), LeakySlope);
            activations.Add(x);
        }
        return activations;
    }

    private Tensor Layer(int layer, Tensor x) => functional.linear(x, Weight(layer), _linears[layer].bias);
}
