using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training.Losses;

/// <summary>
/// The terms of the Domain Transfer Network's objective (Taigman, Polyak and Wolf 2016). The ternary discriminator
/// gives three logits per image: class <see cref="SourceClass"/> for G(s) of a source image, <see cref="TargetClass"/>
/// for G(t) of a target image, <see cref="RealClass"/> for a real target image. Images are in [-1, 1].
/// </summary>
internal sealed class DomainTransferLoss : IDisposable
{
    /// <summary>The discriminator class of a generated image made from a source image.</summary>
    public const int SourceClass = 0;

    /// <summary>The discriminator class of a generated image made from a target image.</summary>
    public const int TargetClass = 1;

    /// <summary>The discriminator class of a real target image.</summary>
    public const int RealClass = 2;

    /// <summary>Number of discriminator classes.</summary>
    public const int Classes = 3;

    // Kept alive for the whole run: a Scalar made on the fly can be finalised during the native call that uses it.
    private readonly Scalar _epsilon = 1e-8.ToScalar();

    /// <summary>
    /// L_D: the cross-entropy of the three cases, each averaged over its batch and summed:
    /// −log D₀(G(s)) − log D₁(G(t)) − log D₂(t).
    /// </summary>
    public static Tensor Discriminator(Tensor sourceLogits, Tensor targetLogits, Tensor realLogits) =>
        CrossEntropy(sourceLogits, SourceClass) + CrossEntropy(targetLogits, TargetClass) + CrossEntropy(realLogits, RealClass);

    /// <summary>L_GANG: both kinds of generated image classified as real target images, −log D₂(G(s)) − log D₂(G(t)).</summary>
    public static Tensor Adversarial(Tensor sourceLogits, Tensor targetLogits) =>
        CrossEntropy(sourceLogits, RealClass) + CrossEntropy(targetLogits, RealClass);

    /// <summary>L_CONST: the f-constancy, ‖f(s) − f(G(s))‖² averaged over the features and the batch (mean squared error).</summary>
    public static Tensor Constancy(Tensor sourceFeatures, Tensor transferredFeatures) =>
        nn.functional.mse_loss(transferredFeatures, sourceFeatures);

    /// <summary>
    /// L_CONST over classes: G(s) classified as s is, −log softmax(h(G(s)))[argmax h(s)] averaged over the batch
    /// (cross-entropy; h's outputs are class logits [N, K]).
    /// </summary>
    public static Tensor ClassConstancy(Tensor sourceLogits, Tensor transferredLogits) =>
        nn.functional.cross_entropy(transferredLogits, sourceLogits.argmax(1));

    /// <summary>L_TID: G is the identity on the target domain, ‖t − G(t)‖² averaged over the pixels and the batch.</summary>
    public static Tensor Identity(Tensor target, Tensor generatedFromTarget) =>
        nn.functional.mse_loss(generatedFromTarget, target);

    /// <summary>
    /// L_TV: the total variation of the images (the paper's B = 1), √((z[i, j+1] − z[i, j])² + (z[i+1, j] − z[i, j])²)
    /// averaged over every position that has both neighbours, every channel and the batch.
    /// </summary>
    public Tensor TotalVariation(Tensor images)
    {
        using var scope = NewDisposeScope();
        var height = images.shape[2];
        var width = images.shape[3];
        var corner = images.narrow(2, 0, height - 1).narrow(3, 0, width - 1);
        var right = images.narrow(2, 0, height - 1).narrow(3, 1, width - 1) - corner;
        var below = images.narrow(2, 1, height - 1).narrow(3, 0, width - 1) - corner;
        return (right.square() + below.square()).add(_epsilon).sqrt().mean().MoveToOuterDisposeScope();
    }

    private static Tensor CrossEntropy(Tensor logits, int label)
    {
        var labels = new long[logits.shape[0]];
        Array.Fill(labels, label);
        return nn.functional.cross_entropy(logits, tensor(labels).to(logits.device));
    }

    /// <summary>Releases the kept scalar.</summary>
    public void Dispose() => _epsilon.Dispose();
}
