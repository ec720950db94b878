using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// The original GAN's generator as in the classic MNIST implementations: fully connected hidden layers (128 → 256 →
/// 512 → 1024 by default) with LeakyReLU(0.2), batch norm on all but the first, then a linear layer to C·H·W values and
/// Tanh (values in [-1, 1]), shaped as an image. PyTorch's default initialisation.
/// </summary>
internal sealed class MlpGenerator : Module<Tensor, Tensor>
{
    /// <summary>Slope of the LeakyReLU for negative inputs.</summary>
    public const double LeakySlope = 0.2;

    private readonly ModuleList<Linear> _linears = new();
    private readonly ModuleList<BatchNorm1d> _norms = new();

    /// <summary>Builds the generator of <paramref name="layout"/>.</summary>
    public MlpGenerator(MlpLayout layout) : base(nameof(MlpGenerator))
    {
        Layout = layout;
        var inputs = layout.LatentSize;
        for (var layer = 0; layer < MlpLayout.GeneratorLayers; layer++)
        {
            _linears.Add(Linear(inputs, layout.GeneratorUnits(layer)));
            if (layer > 0)
            {
                _norms.Add(BatchNorm1d(layout.GeneratorUnits(layer)));
            }
            inputs = layout.GeneratorUnits(layer);
        }
        _linears.Add(Linear(inputs, layout.ImageSize));
        RegisterComponents();
    }

    /// <summary>The layer plan.</summary>
    public MlpLayout Layout { get; }

    /// <summary>The fully connected layers, latent to image.</summary>
    public ModuleList<Linear> Linears => _linears;

    /// <summary>The batch norms of hidden layers 1 and on (layer 0 has none).</summary>
    public ModuleList<BatchNorm1d> Norms => _norms;

    /// <summary>Maps latents [N, latent] to images [N, C, H, W] in [-1, 1].</summary>
    public override Tensor forward(Tensor latent)
    {
        using var scope = NewDisposeScope();
        var x = latent;
        for (var layer = 0; layer < MlpLayout.GeneratorLayers; layer++)
        {
            x = _linears[layer].forward(x);
            if (layer > 0)
            {
                x = _norms[layer - 1].forward(x);
            }
            x = functional.leaky_relu(x, LeakySlope);
        }
        var image = Layout.Image;
        return _linears[^1].forward(x).tanh().reshape(latent.shape[0], image.Channels, image.Height, image.Width)
            .MoveToOuterDisposeScope();
    }
}
