using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training.Losses;

/// <summary>
/// One adversarial objective, on the discriminator's raw outputs (logits) for a batch of real and a batch of generated
/// images. Both models of the library train with these objects, so each loss is written once.
/// </summary>
internal abstract class AdversarialLoss : IDisposable
{
    /// <summary>
    /// The loss object for <paramref name="loss"/>; <paramref name="gradientPenaltyWeight"/> is λ of WGAN-GP and
    /// <paramref name="driftWeight"/> the weight of its drift term.
    /// </summary>
    public static AdversarialLoss For(GanLoss loss, double gradientPenaltyWeight, double driftWeight) => loss switch
    {
        GanLoss.NonSaturating => new NonSaturatingLoss(),
        GanLoss.Minimax => new MinimaxLoss(),
        GanLoss.LeastSquares => new LeastSquaresLoss(),
        GanLoss.Hinge => new HingeLoss(),
        GanLoss.Wasserstein => new WassersteinLoss(gradientPenaltyWeight, driftWeight),
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown GAN loss."),
    };

    /// <summary>
    /// The discriminator's loss, to minimise. <paramref name="gradientNorms"/> computes ‖∇D(x̂)‖ per image at points x̂
    /// between real and generated images, for losses with a gradient penalty; the others leave it uncalled.
    /// </summary>
    public abstract Tensor Discriminator(Tensor realLogits, Tensor fakeLogits, Func<Tensor> gradientNorms);

    /// <summary>The generator's loss, to minimise, from the discriminator's logits on generated images.</summary>
    public abstract Tensor Generator(Tensor fakeLogits);

    /// <summary>Releases the kept Scalars, if any.</summary>
    public virtual void Dispose()
    {
    }
}
