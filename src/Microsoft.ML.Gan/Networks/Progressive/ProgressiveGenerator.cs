using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Networks.Progressive;

/// <summary>
/// The generator of Karras et al. 2017: the pixel-normalised latent through a dense layer to 4×4 and a 3×3
/// convolution, then per level a 2× nearest-neighbour upsampling and two 3×3 convolutions; LeakyReLU(0.2) and pixel
/// norm after every convolution; each level has a 1×1 toRGB convolution (linear). At level ℓ with α &lt; 1 the image is
/// (1 − α)·upsample(toRGB_{ℓ−1}) + α·toRGB_ℓ(block ℓ). The output is always at the final resolution (lower levels
/// upsampled by nearest neighbour), so the discriminator and the export see one image size.
/// </summary>
internal sealed class ProgressiveGenerator : Module<Tensor, Tensor>, IProgressiveNetwork
{
    /// <summary>Slope of the LeakyReLU for negative inputs.</summary>
    public const double LeakySlope = 0.2;

    private readonly EqualizedLinear _dense;
    private readonly ModuleList<EqualizedConv2d> _convolutions = new();
    private readonly ModuleList<EqualizedConv2d> _toRgb = new();
    // Kept alive for the network's lifetime: a Scalar made on the fly can be finalised during the native call that uses it.
    private readonly Scalar _epsilon = PixelNorm.Epsilon.ToScalar();

    /// <summary>Builds the generator of <paramref name="layout"/>, at its last level, with N(0, 1) weights.</summary>
    public ProgressiveGenerator(ProgressiveLayout layout) : base(nameof(ProgressiveGenerator))
    {
        Layout = layout;
        var channels = layout.Channels(0);
        // The official code's gain for the latent's dense layer: √2 / 4.
        _dense = new EqualizedLinear(layout.LatentSize, channels * 16, EqualizedLearningRate.Gain / 4);
        _convolutions.Add(new EqualizedConv2d(channels, channels, 3));
        _toRgb.Add(new EqualizedConv2d(channels, layout.Image.Channels, 1, gain: 1));
        for (var level = 1; level <= layout.LastLevel; level++)
        {
            _convolutions.Add(new EqualizedConv2d(layout.Channels(level - 1), layout.Channels(level), 3));
            _convolutions.Add(new EqualizedConv2d(layout.Channels(level), layout.Channels(level), 3));
            _toRgb.Add(new EqualizedConv2d(layout.Channels(level), layout.Image.Channels, 1, gain: 1));
        }
        RegisterComponents();
        Level = layout.LastLevel;
        Alpha = 1;
    }

    /// <summary>The layer plan.</summary>
    public ProgressiveLayout Layout { get; }

    /// <summary>The dense layer from the latent to the 4×4 map.</summary>
    public EqualizedLinear Dense => _dense;

    /// <summary>The 3×3 convolutions: one at 4×4, then two per level.</summary>
    public ModuleList<EqualizedConv2d> Convolutions => _convolutions;

    /// <summary>The toRGB convolution of each level.</summary>
    public ModuleList<EqualizedConv2d> ToRgb => _toRgb;

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

    /// <summary>Maps latents [N, latent] to images [N, C, H, W] at the final resolution, around [-1, 1].</summary>
    public override Tensor forward(Tensor latents)
    {
        using var scope = NewDisposeScope();
        var x = Activate(_dense.forward(PixelNorm.Apply(latents, _epsilon)).reshape(-1, Layout.Channels(0), 4, 4));
        x = Activate(_convolutions[0].forward(x));
        var lower = x;
        for (var level = 1; level <= Level; level++)
        {
            lower = x;
            x = Block(level, x);
        }
        var image = _toRgb[Level].forward(x);
        if (Level > 0 && Alpha < 1)
        {
            image = ProgressiveResampling.Fade(ProgressiveResampling.Upsample(_toRgb[Level - 1].forward(lower), 2), image, Alpha);
        }
        return ProgressiveResampling.Upsample(image, 1 << (Layout.LastLevel - Level)).MoveToOuterDisposeScope();
    }

    /// <summary>Upsampling and the two convolutions of <paramref name="level"/> (1 and on).</summary>
    private Tensor Block(int level, Tensor x)
    {
        x = ProgressiveResampling.Upsample(x, 2);
        x = Activate(_convolutions[2 * level - 1].forward(x));
        return Activate(_convolutions[2 * level].forward(x));
    }

    private Tensor Activate(Tensor x) => PixelNorm.Apply(functional.leaky_relu(x, LeakySlope), _epsilon);

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
