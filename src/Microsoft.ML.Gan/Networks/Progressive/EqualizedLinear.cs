using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Networks.Progressive;

/// <summary>
/// A fully connected layer with the equalized learning rate: weight N(0, 1) times gain / √fan_in at run time, bias
/// starting at zero (see <see cref="EqualizedConv2d"/>).
/// </summary>
internal sealed class EqualizedLinear : Module<Tensor, Tensor>
{
    private readonly Parameter _weight;
    private readonly Parameter _bias;
    // Kept alive for the network's lifetime: a Scalar made on the fly can be finalised during the native call that uses it.
    private readonly Scalar _scale;

    /// <summary>A layer of <paramref name="inputs"/> → <paramref name="outputs"/> values.</summary>
    public EqualizedLinear(int inputs, int outputs, double gain = EqualizedLearningRate.Gain) : base(nameof(EqualizedLinear))
    {
        _weight = Parameter(randn(outputs, inputs));
        _bias = Parameter(zeros(outputs));
        Scale = EqualizedLearningRate.HeConstant(gain, inputs);
        _scale = Scale.ToScalar();
        RegisterComponents();
    }

    /// <summary>The run-time factor of the stored weight: gain / √fan_in.</summary>
    public double Scale { get; }

    /// <summary>The stored weight [outputs, inputs], N(0, 1) at initialisation.</summary>
    public Parameter StoredWeight => _weight;

    /// <summary>The bias.</summary>
    public Parameter Bias => _bias;

    /// <summary>The weight the layer computes with: the stored weight times <see cref="Scale"/>.</summary>
    public Tensor Weight => _weight.mul(_scale);

    /// <inheritdoc/>
    public override Tensor forward(Tensor x) => functional.linear(x, Weight, _bias);

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
