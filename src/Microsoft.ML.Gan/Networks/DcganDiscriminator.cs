using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// The DCGAN discriminator: strided convolutions from an image in [-1, 1] to one logit, LeakyReLU(0.2) after every
/// hidden convolution, batch norm on every hidden map but the first. No pooling, no fully-connected layers. With
/// spectral normalisation, every convolution uses its weight divided by its largest singular value. Optionally without
/// batch norm, and with dropout after every hidden block while training (as TensorFlow's DCGAN tutorial).
/// </summary>
internal sealed class DcganDiscriminator : Module<Tensor, Tensor>, IHiddenFeatures
{
    /// <summary>Slope of the LeakyReLU for negative inputs.</summary>
    public const double LeakySlope = 0.2;

    private readonly ModuleList<Conv2d> _convolutions = new();
    private readonly ModuleList<BatchNorm2d> _norms = new();
    private readonly ModuleList<SpectralNorm> _spectralNorms = new();
    private readonly double _dropout;

    /// <summary>
    /// Builds the discriminator of <paramref name="layout"/> with the paper's initial weights, its convolutions
    /// spectrally normalised when <paramref name="spectralNormalization"/>; <paramref name="outputs"/> logits per image
    /// (one for real against fake, more for a classifying discriminator such as the Domain Transfer Network's);
    /// without batch norm unless <paramref name="batchNorm"/>; dropping each hidden activation with probability
    /// <paramref name="dropout"/> while training.
    /// </summary>
    public DcganDiscriminator(DcganLayout layout, bool spectralNormalization = false, int outputs = 1, bool batchNorm = true, double dropout = 0)
        : base(nameof(DcganDiscriminator))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        ArgumentOutOfRangeException.ThrowIfNegative(dropout);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dropout, 1);
        Layout = layout;
        Outputs = outputs;
        _dropout = dropout;
        _convolutions.Add(Conv2d(layout.Image.Channels, layout.DiscriminatorChannels(0), 4, stride: 2, padding: 1L, bias: false));
        for (var block = 1; block < layout.Stages; block++)
        {
            _convolutions.Add(Conv2d(layout.DiscriminatorChannels(block - 1), layout.DiscriminatorChannels(block), 4, stride: 2, padding: 1L, bias: false));
            if (batchNorm)
            {
                _norms.Add(BatchNorm2d(layout.DiscriminatorChannels(block)));
            }
        }
        _convolutions.Add(Conv2d(layout.DiscriminatorChannels(layout.Stages - 1), outputs, layout.StartSize, stride: 1, padding: 0L, bias: false));
        if (spectralNormalization)
        {
            foreach (var convolution in _convolutions)
            {
                _spectralNorms.Add(new SpectralNorm(convolution.weight!.shape[0]));
            }
        }
        RegisterComponents();
        DcganInitialization.Apply(this);
    }

    /// <summary>The layer plan.</summary>
    public DcganLayout Layout { get; }

    /// <summary>Number of logits per image.</summary>
    public int Outputs { get; }

    /// <summary>The strided convolutions, image to logit.</summary>
    public ModuleList<Conv2d> Convolutions => _convolutions;

    /// <summary>The batch norms of hidden blocks 1 and on (block 0 has none); empty without batch norm.</summary>
    public ModuleList<BatchNorm2d> Norms => _norms;

    /// <summary>
    /// The weight convolution <paramref name="layer"/> computes with: its own, or divided by its spectral norm (in
    /// training mode after a power iteration, so export it in eval mode).
    /// </summary>
    public Tensor Weight(int layer) =>
        _spectralNorms.Count == 0 ? _convolutions[layer].weight! : _spectralNorms[layer].Normalize(_convolutions[layer].weight!);

    /// <summary>Maps images [N, C, H, W] in [-1, 1] to logits: [N] with one output, [N, outputs] with more.</summary>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        var logits = Convolve(Layout.Stages, LastHiddenMap(images));
        return (Outputs == 1 ? logits.flatten() : logits.flatten(1)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The representation of the DCGAN paper's feature test: every hidden map max-pooled to
    /// <paramref name="grid"/>×<paramref name="grid"/>, flattened and concatenated: [N, features].
    /// </summary>
    public Tensor Features(Tensor images, int grid)
    {
        using var scope = NewDisposeScope();
        var x = images;
        var pooled = new List<Tensor>(Layout.Stages);
        for (var block = 0; block < Layout.Stages; block++)
        {
            x = HiddenBlock(block, x);
            pooled.Add(functional.adaptive_max_pool2d(x, [grid, grid]).flatten(1));
        }
        return cat(pooled, 1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public Tensor LastHiddenFeatures(Tensor images)
    {
        using var scope = NewDisposeScope();
        return LastHiddenMap(images).flatten(1).MoveToOuterDisposeScope();
    }

    private Tensor LastHiddenMap(Tensor images)
    {
        var x = images;
        for (var block = 0; block < Layout.Stages; block++)
        {
            x = HiddenBlock(block, x);
        }
        return x;
    }

    /// <summary>Number of values <see cref="Features"/> returns per image.</summary>
    public int FeatureCount(int grid) => Layout.FeatureCount(grid);

    /// <summary>Number of feature values of the hidden <paramref name="layers"/> (0-based) pooled to <paramref name="grid"/>².</summary>
    public int FeatureCount(int grid, IReadOnlyList<int> layers) =>
        layers.Sum(block => Layout.DiscriminatorChannels(block)) * grid * grid;

    private Tensor HiddenBlock(int block, Tensor x)
    {
        x = Convolve(block, x);
        if (block > 0 && _norms.Count > 0)
        {
            x = _norms[block - 1].forward(x);
        }
        x = functional.leaky_relu(x, LeakySlope);
        return _dropout > 0 ? functional.dropout(x, _dropout, training) : x;
    }

    private Tensor Convolve(int layer, Tensor x)
    {
        var convolution = _convolutions[layer];
        return functional.conv2d(x, Weight(layer), convolution.bias, convolution.stride, (long[])convolution.padding!);
    }
}
