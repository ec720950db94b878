using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Training.Losses;

/// <summary>
/// WGAN-GP (Gulrajani et al. 2017): the critic minimises E[D(G(z))] − E[D(x)] + λ·E[(‖∇D(x̂)‖ − 1)²] at random points
/// x̂ between real and generated images; the generator minimises −E[D(G(z))].
/// </summary>
internal sealed class WassersteinLoss : AdversarialLoss
{
    // Kept alive for the run: a Scalar made on the fly can be finalised during the native call that uses it.
    private readonly Scalar _penaltyWeight;

    /// <summary>A Wasserstein loss with penalty weight λ = <paramref name="penaltyWeight"/>.</summary>
    public WassersteinLoss(double penaltyWeight) => _penaltyWeight = penaltyWeight.ToScalar();

    /// <inheritdoc/>
    public override Tensor Discriminator(Tensor realLogits, Tensor fakeLogits, Func<Tensor> gradientNorms)
    {
        var norms = gradientNorms();
        return fakeLogits.mean() - realLogits.mean() + functional.mse_loss(norms, ones_like(norms)).mul(_penaltyWeight);
    }

    /// <inheritdoc/>
    public override Tensor Generator(Tensor fakeLogits) => fakeLogits.mean().neg();

    /// <inheritdoc/>
    public override void Dispose() => _penaltyWeight.Dispose();
}
