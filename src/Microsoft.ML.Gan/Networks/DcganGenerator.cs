using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// The DCGAN generator: fractionally-strided convolutions from a latent vector to an image, batch norm and ReLU on
/// every hidden map, Tanh at the output (values in [-1, 1]). No pooling, no fully-connected layers.
/// </summary>
internal sealed class DcganGenerator : Module<Tensor, Tensor>
{
    private readonly ModuleList<ConvTranspose2d> _deconvolutions = new();
    private readonly ModuleList<BatchNorm2d> _norms = new();

    /// <summary>Builds the generator of <paramref name="layout"/> with the paper's initial weights.</summary>
    public DcganGenerator(DcganLayout layout) : base(nameof(DcganGenerator))
    {
        Layout = layout;
        _deconvolutions.Add(ConvTranspose2d(layout.LatentSize, layout.GeneratorChannels(0), layout.StartSize, stride: 1, padding: 0L, bias: false));
        _norms.Add(BatchNorm2d(layout.GeneratorChannels(0)));
        for (var block = 1; block < layout.Stages; block++)
        {
            _deconvolutions.Add(ConvTranspose2d(layout.GeneratorChannels(block - 1), layout.GeneratorChannels(block), 4, stride: 2, padding: 1L, bias: false));
            _norms.Add(BatchNorm2d(layout.GeneratorChannels(block)));
        }
        _deconvolutions.Add(ConvTranspose2d(layout.GeneratorChannels(layout.Stages - 1), layout.Image.Channels, 4, stride: 2, padding: 1L, bias: false));
        RegisterComponents();
        DcganInitialization.Apply(this);
    }

    /// <summary>The layer plan.</summary>
    public DcganLayout Layout { get; }

    /// <summary>The fractionally-strided convolutions, input to output.</summary>
    public ModuleList<ConvTranspose2d> Deconvolutions => _deconvolutions;

    /// <summary>The batch norms that follow every deconvolution but the last.</summary>
    public ModuleList<BatchNorm2d> Norms => _norms;

    /// <summary>Maps latents [N, latent] to images [N, C, H, W] in [-1, 1].</summary>
    public override Tensor forward(Tensor latent)
    {
        using var scope = NewDisposeScope();
        return _deconvolutions[^1].forward(Hidden(latent, _norms.Count - 1)).tanh().MoveToOuterDisposeScope();
    }

    /// <summary>The maps [N, C, h, w] after hidden layer <paramref name="layer"/> (0-based, latent side first; after its ReLU).</summary>
    public Tensor Hidden(Tensor latent, int layer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layer, _norms.Count);
        using var scope = NewDisposeScope();
        var x = latent.reshape(latent.shape[0], Layout.LatentSize, 1, 1);
        for (var i = 0; i <= layer; i++)
        {
            x = functional.relu(_norms[i].forward(_deconvolutions[i].forward(x)));
        }
        return x.MoveToOuterDisposeScope();
    }
}
