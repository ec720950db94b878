using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Training.Losses;

/// <summary>LSGAN (Mao et al. 2017), targets real 1, fake 0 on the raw output: ½E[(D(x) − 1)²] + ½E[D(G(z))²]; generator ½E[(D(G(z)) − 1)²].</summary>
internal sealed class LeastSquaresLoss : AdversarialLoss
{
    // Kept alive for the run: a Scalar made on the fly can be finalised during the native call that uses it.
    private readonly Scalar _half = 0.5.ToScalar();

    /// <inheritdoc/>
    public override Tensor Discriminator(Tensor realLogits, Tensor fakeLogits, Func<Tensor> gradientNorms) =>
        (functional.mse_loss(realLogits, ones_like(realLogits)) + functional.mse_loss(fakeLogits, zeros_like(fakeLogits))).mul(_half);

    /// <inheritdoc/>
    public override Tensor Generator(Tensor fakeLogits) => functional.mse_loss(fakeLogits, ones_like(fakeLogits)).mul(_half);

    /// <inheritdoc/>
    public override void Dispose() => _half.Dispose();
}
