using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Networks.Progressive;

/// <summary>
/// The discriminator of Karras et al. 2017, the generator's mirror: images at the final resolution are averaged down
/// to the level's side, a 1×1 fromRGB convolution (LeakyReLU) starts the level, every level's block is two 3×3
/// convolutions and a 2×2 average pooling, and the 4×4 block is the minibatch standard deviation layer, a 3×3
/// convolution and two dense layers to one logit; LeakyReLU(0.2) after every hidden layer, no normalisation. At level
/// ℓ with α &lt; 1 block ℓ's output is blended with fromRGB_{ℓ−1} of the 2×2-averaged image: (1 − α)·lower + α·block.
/// </summary>
internal sealed class ProgressiveDiscriminator : Module<Tensor, Tensor>, IProgressiveNetwork
{
    /// <summary>Slope of the LeakyReLU for negative inputs.</summary>
    public const double LeakySlope = 0.2;

    /// <summary>The side of the grid every block's output is max-pooled to for the features.</summary>
    public const int FeatureGrid = 4;

    private readonly ModuleList<EqualizedConv2d> _fromRgb = new();
    private readonly ModuleList<EqualizedConv2d> _convolutions = new();
    private readonly EqualizedLinear _dense;
    private readonly EqualizedLinear _output;
    // Kept alive for the network's lifetime: a Scalar made on the fly can be finalised during the native call that uses it.
    private readonly Scalar _epsilon = MinibatchStandardDeviation.Epsilon.ToScalar();

    /// <summary>Builds the discriminator of <paramref name="layout"/>, at its last level, with N(0, 1) weights.</summary>
    public ProgressiveDiscriminator(ProgressiveLayout layout) : base(nameof(ProgressiveDiscriminator))
    {
        Layout = layout;
        var channels = layout.Channels(0);
        _convolutions.Add(new EqualizedConv2d(channels + 1, channels, 3));
        for (var level = 0; level <= layout.LastLevel; level++)
        {
            _fromRgb.Add(new EqualizedConv2d(layout.Image.Channels, layout.Channels(level), 1));
        }
        for (var level = 1; level <= layout.LastLevel; level++)
        {
            _convolutions.Add(new EqualizedConv2d(layout.Channels(level), layout.Channels(level), 3));
            _convolutions.Add(new EqualizedConv2d(layout.Channels(level), layout.Channels(level - 1), 3));
        }
        _dense = new EqualizedLinear(channels * 16, channels);
        _output = new EqualizedLinear(channels, 1, gain: 1);
        RegisterComponents();
        Level = layout.LastLevel;
        Alpha = 1;
    }

    /// <summary>The layer plan.</summary>
    public ProgressiveLayout Layout { get; }

    /// <summary>The fromRGB convolution of each level.</summary>
    public ModuleList<EqualizedConv2d> FromRgb => _fromRgb;

    /// <summary>The 3×3 convolutions: the 4×4 block's, then two per level.</summary>
    public ModuleList<EqualizedConv2d> Convolutions => _convolutions;

    /// <summary>The 4×4 block's hidden dense layer.</summary>
    public EqualizedLinear Dense => _dense;

    /// <summary>The dense layer to the logit.</summary>
    public EqualizedLinear Output => _output;

    /// <inheritdoc/>
    public int Level { get; private set; }

    /// <inheritdoc/>
    public double Alpha { get; private set; }

    /// <inheritdoc/>
    public void Grow(int level, double alpha)
    {
        Layout.CheckGrowth(level, alpha);
        (Level, Alpha) = (level, alpha);
    }

    /// <summary>Maps images [N, C, H, W] at the final resolution, in [-1, 1], to logits [N].</summary>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return Logits(Hidden(images, null)).MoveToOuterDisposeScope();
    }

    /// <summary>Every block's output (the last: the 4×4 convolution's) max-pooled to 4×4, flattened and concatenated.</summary>
    public Tensor Features(Tensor images)
    {
        using var scope = NewDisposeScope();
        var maps = new List<Tensor>();
        Hidden(images, maps);
        return cat(maps.Select(map => functional.adaptive_max_pool2d(map, [FeatureGrid, FeatureGrid]).flatten(1)).ToList(), 1)
            .MoveToOuterDisposeScope();
    }

    /// <summary>The 4×4 block's convolution output; each block's output is added to <paramref name="maps"/> when given.</summary>
    private Tensor Hidden(Tensor images, List<Tensor>? maps)
    {
        var image = ProgressiveResampling.Downsample(images, 1 << (Layout.LastLevel - Level));
        var x = Activate(_fromRgb[Level].forward(image));
        for (var level = Level; level >= 1; level--)
        {
            x = Block(level, x);
            if (level == Level && Alpha < 1)
            {
                var lower = Activate(_fromRgb[level - 1].forward(ProgressiveResampling.Downsample(image, 2)));
                x = ProgressiveResampling.Fade(lower, x, Alpha);
            }
            maps?.Add(x);
        }
        x = Activate(_convolutions[0].forward(MinibatchStandardDeviation.Append(x, _epsilon)));
        maps?.Add(x);
        return x;
    }

    private Tensor Logits(Tensor x) => _output.forward(Activate(_dense.forward(x.flatten(1)))).flatten();

    /// <summary>The two convolutions of <paramref name="level"/> (1 and on) and the 2×2 average pooling.</summary>
    private Tensor Block(int level, Tensor x)
    {
        x = Activate(_convolutions[2 * level - 1].forward(x));
        x = Activate(_convolutions[2 * level].forward(x));
        return ProgressiveResampling.Downsample(x, 2);
    }

    private static Tensor Activate(Tensor x) => functional.leaky_relu(x, LeakySlope);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _epsilon.Dispose();
        }
        base.Dispose(disposing);
    }
}
