using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Training.Losses;

/// <summary>
/// WGAN-GP (Gulrajani et al. 2017): the critic minimises E[D(G(z))] − E[D(x)] + λ·E[(‖∇D(x̂)‖ − 1)²] at random points
/// x̂ between real and generated images, plus the drift term ε_drift·E[D(x)²] of Karras et al. 2017 that keeps the
/// critic's outputs near zero; the generator minimises −E[D(G(z))].
/// </summary>
internal sealed class WassersteinLoss : AdversarialLoss
{
    // Kept alive for the run: a Scalar made on the fly can be finalised during the native call that uses it.
    private readonly Scalar _penaltyWeight;
    private readonly Scalar _driftWeight;

    /// <summary>A Wasserstein loss with penalty weight λ = <paramref name="penaltyWeight"/> and drift weight <paramref name="driftWeight"/>.</summary>
    public WassersteinLoss(double penaltyWeight, double driftWeight)
    {
        _penaltyWeight = penaltyWeight.ToScalar();
        _driftWeight = driftWeight.ToScalar();
    }

    /// <inheritdoc/>
    public override Tensor Discriminator(Tensor realLogits, Tensor fakeLogits, Func<Tensor> gradientNorms)
    {
        var norms = gradientNorms();
        return fakeLogits.mean() - realLogits.mean() + functional.mse_loss(norms, ones_like(norms)).mul(_penaltyWeight)
            + realLogits.square().mean().mul(_driftWeight);
    }

    /// <inheritdoc/>
    public override Tensor Generator(Tensor fakeLogits) => fakeLogits.mean().neg();

    /// <inheritdoc/>
    public override void Dispose()
    {
        _penaltyWeight.Dispose();
        _driftWeight.Dispose();
    }
}
