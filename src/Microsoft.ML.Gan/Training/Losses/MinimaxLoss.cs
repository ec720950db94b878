using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Training.Losses;

/// <summary>The original minimax game: the same discriminator loss as the non-saturating one; the generator minimises log(1 − D(G(z))).</summary>
internal sealed class MinimaxLoss : AdversarialLoss
{
    /// <inheritdoc/>
    public override Tensor Discriminator(Tensor realLogits, Tensor fakeLogits, Func<Tensor> gradientNorms) =>
        NonSaturatingLoss.CrossEntropy(realLogits, fakeLogits);

    /// <inheritdoc/>
    // log(1 − sigmoid(l)) = −BCE(l, 0).
    public override Tensor Generator(Tensor fakeLogits) =>
        functional.binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits)).neg();
}
