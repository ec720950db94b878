using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// The DCGAN discriminator: strided convolutions from an image in [-1, 1] to one logit, LeakyReLU(0.2) after every
/// hidden convolution, batch norm on every hidden map but the first. No pooling, no fully-connected layers.
/// </summary>
internal sealed class DcganDiscriminator : Module<Tensor, Tensor>
{
    /// <summary>Slope of the LeakyReLU for negative inputs.</summary>
    public const double LeakySlope = 0.2;

    private readonly ModuleList<Conv2d> _convolutions = new();
    private readonly ModuleList<BatchNorm2d> _norms = new();

    /// <summary>Builds the discriminator of <paramref name="layout"/> with the paper's initial weights.</summary>
    public DcganDiscriminator(DcganLayout layout) : base(nameof(DcganDiscriminator))
    {
        Layout = layout;
        _convolutions.Add(Conv2d(layout.Image.Channels, layout.DiscriminatorChannels(0), 4, stride: 2, padding: 1L, bias: false));
        for (var block = 1; block < layout.Stages; block++)
        {
            _convolutions.Add(Conv2d(layout.DiscriminatorChannels(block - 1), layout.DiscriminatorChannels(block), 4, stride: 2, padding: 1L, bias: false));
            _norms.Add(BatchNorm2d(layout.DiscriminatorChannels(block)));
        }
        _convolutions.Add(Conv2d(layout.DiscriminatorChannels(layout.Stages - 1), 1, layout.StartSize, stride: 1, padding: 0L, bias: false));
        RegisterComponents();
        DcganInitialization.Apply(this);
    }

    /// <summary>The layer plan.</summary>
    public DcganLayout Layout { get; }

    /// <summary>The strided convolutions, image to logit.</summary>
    public ModuleList<Conv2d> Convolutions => _convolutions;

    /// <summary>The batch norms of hidden blocks 1 and on (block 0 has none).</summary>
    public ModuleList<BatchNorm2d> Norms => _norms;

    /// <summary>Maps images [N, C, H, W] in [-1, 1] to logits [N].</summary>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        var x = images;
        for (var block = 0; block < Layout.Stages; block++)
        {
            x = HiddenBlock(block, x);
        }
        return _convolutions[^1].forward(x).flatten().MoveToOuterDisposeScope();
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

    /// <summary>Number of values <see cref="Features"/> returns per image.</summary>
    public int FeatureCount(int grid) => FeatureCount(grid, Enumerable.Range(0, Layout.Stages).ToArray());

    /// <summary>Number of feature values of the hidden <paramref name="layers"/> (0-based) pooled to <paramref name="grid"/>².</summary>
    public int FeatureCount(int grid, IReadOnlyList<int> layers) =>
        layers.Sum(block => Layout.DiscriminatorChannels(block)) * grid * grid;

    private Tensor HiddenBlock(int block, Tensor x)
    {
        x = _convolutions[block].forward(x);
        if (block > 0)
        {
            x = _norms[block - 1].forward(x);
        }
        return functional.leaky_relu(x, LeakySlope);
    }
}
