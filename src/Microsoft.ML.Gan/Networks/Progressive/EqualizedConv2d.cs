using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Networks.Progressive;

/// <summary>
/// A square, stride-1, zero-padded ("same") convolution with the equalized learning rate of Karras et al. 2017: the
/// stored weight is drawn from N(0, 1) and multiplied at run time by the He constant gain / √fan_in, so every weight
/// learns at the same speed under Adam. The bias starts at zero.
/// </summary>
internal sealed class EqualizedConv2d : Module<Tensor, Tensor>
{
    private readonly Parameter _weight;
    private readonly Parameter _bias;
    // Kept alive for the network's lifetime: a Scalar made on the fly can be finalised during the native call that uses it.
    private readonly Scalar _scale;

    /// <summary>A convolution of <paramref name="inputs"/> → <paramref name="outputs"/> channels with a <paramref name="kernel"/>² kernel.</summary>
    public EqualizedConv2d(int inputs, int outputs, int kernel, double gain = EqualizedLearningRate.Gain) : base(nameof(EqualizedConv2d))
    {
        _weight = Parameter(randn(outputs, inputs, kernel, kernel));
        _bias = Parameter(zeros(outputs));
        Scale = EqualizedLearningRate.HeConstant(gain, inputs * kernel * kernel);
        _scale = Scale.ToScalar();
        Kernel = kernel;
        RegisterComponents();
    }

    /// <summary>The run-time factor of the stored weight: gain / √fan_in.</summary>
    public double Scale { get; }

    /// <summary>The side of the kernel.</summary>
    public int Kernel { get; }

    /// <summary>The stored weight, N(0, 1) at initialisation.</summary>
    public Parameter StoredWeight => _weight;

    /// <summary>The bias.</summary>
    public Parameter Bias => _bias;

    /// <summary>The weight the convolution computes with: the stored weight times <see cref="Scale"/>.</summary>
    public Tensor Weight => _weight.mul(_scale);

    /// <inheritdoc/>
    public override Tensor forward(Tensor x) => functional.conv2d(x, Weight, _bias, padding: [Kernel / 2, Kernel / 2]);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _scale.Dispose();
        }
        base.Dispose(disposing);
    }
}
