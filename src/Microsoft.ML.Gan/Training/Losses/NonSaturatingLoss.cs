using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Training.Losses;

/// <summary>Binary cross-entropy for the discriminator; the generator maximises log D(G(z)).</summary>
internal sealed class NonSaturatingLoss : AdversarialLoss
{
    /// <inheritdoc/>
    public override Tensor Discriminator(Tensor realLogits, Tensor fakeLogits, Func<Tensor> gradientNorms) => CrossEntropy(realLogits, fakeLogits);

    /// <inheritdoc/>
    public override Tensor Generator(Tensor fakeLogits) =>
        functional.binary_cross_entropy_with_logits(fakeLogits, ones_like(fakeLogits));

    /// <summary>−log D(x) − log(1 − D(G(z))), averaged over each batch: the discriminator's loss of both BCE games.</summary>
    public static Tensor CrossEntropy(Tensor realLogits, Tensor fakeLogits) =>
        functional.binary_cross_entropy_with_logits(realLogits, ones_like(realLogits))
        + functional.binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits));
}
