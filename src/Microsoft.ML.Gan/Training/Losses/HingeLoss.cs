using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Training.Losses;

/// <summary>Hinge loss (Lim and Ye 2017): E[max(0, 1 − D(x))] + E[max(0, 1 + D(G(z)))]; generator −E[D(G(z))].</summary>
internal sealed class HingeLoss : AdversarialLoss
{
    /// <inheritdoc/>
    public override Tensor Discriminator(Tensor realLogits, Tensor fakeLogits, Func<Tensor> gradientNorms) =>
        functional.relu(ones_like(realLogits) - realLogits).mean() + functional.relu(ones_like(fakeLogits) + fakeLogits).mean();

    /// <inheritdoc/>
    public override Tensor Generator(Tensor fakeLogits) => fakeLogits.mean().neg();
}
