using Microsoft.ML.Gan.Networks;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// The floating-point work of one DCGAN training step, counted analytically from the layer shapes, per image.
/// Convention: a multiply-add (MAC) is 2 FLOPs; only convolutions and transposed convolutions are counted (batch norm,
/// activations, losses and Adam are element-wise, under 1% here). A convolution's MACs are C_out × H_out × W_out ×
/// C_in × K²; a transposed convolution's are C_in × H_in × W_in × C_out × K². The backward pass of a layer costs one
/// forward for the input gradient and one for the weight gradient, except that a network's first layer needs no
/// input gradient when its input needs none. A step (see <c>AdversarialModel.Step</c>) is then: G forward; D forward on
/// real and on fake and D backward on both (inputs need no gradient); D forward on the fake again, D backward with
/// input gradients, G backward (the latent needs no gradient): 3·F_G + 9·F_D − first-layer terms.
/// </summary>
/// <param name="GeneratorMacs">MACs of one generator forward pass, per image.</param>
/// <param name="DiscriminatorMacs">MACs of one discriminator forward pass (score only), per image.</param>
/// <param name="GeneratorFirstMacs">MACs of the generator's first layer, per image.</param>
/// <param name="DiscriminatorFirstMacs">MACs of the discriminator's first layer, per image.</param>
public sealed record DcganStepFlops(long GeneratorMacs, long DiscriminatorMacs, long GeneratorFirstMacs, long DiscriminatorFirstMacs)
{
    /// <summary>Counts the layers of <paramref name="generator"/> and <paramref name="discriminator"/>.</summary>
    internal static DcganStepFlops For(DcganGenerator generator, DcganDiscriminator discriminator)
    {
        var layout = generator.Layout;
        // The generator's map before deconvolution i: 1×1 (the latent), then StartSize doubled i − 1 times.
        var generatorMacs = generator.Deconvolutions.Select((deconv, i) =>
        {
            long side = i == 0 ? 1 : layout.StartSize << (i - 1);
            return deconv.weight!.numel() * side * side;
        }).ToArray();
        // The discriminator's map after convolution i: halved each hidden block, 1×1 after the last.
        var discriminatorMacs = discriminator.Convolutions.Select((conv, i) =>
        {
            long side = i < layout.Stages ? layout.DiscriminatorSide(i) : 1;
            return conv.weight!.numel() * side * side;
        }).ToArray();
        return new DcganStepFlops(generatorMacs.Sum(), discriminatorMacs.Sum(), generatorMacs[0], discriminatorMacs[0]);
    }

    /// <summary>MACs of one training step, per image.</summary>
    public long StepMacs
    {
        get
        {
            long discriminatorBackwardNoInputGradient = 2 * DiscriminatorMacs - DiscriminatorFirstMacs;
            long discriminatorStep = GeneratorMacs + 2 * DiscriminatorMacs + 2 * discriminatorBackwardNoInputGradient;
            long generatorStep = DiscriminatorMacs + 2 * DiscriminatorMacs + (2 * GeneratorMacs - GeneratorFirstMacs);
            return discriminatorStep + generatorStep;
        }
    }

    /// <summary>FLOPs of one training step, per image (2 per MAC).</summary>
    public long StepFlops => 2 * StepMacs;
}
