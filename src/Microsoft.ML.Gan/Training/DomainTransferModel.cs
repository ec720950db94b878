using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Training.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// The networks of a Domain Transfer Network and one training step of each: G = g ∘ f with f frozen and g a DCGAN
/// generator from f's features to a target image; a DCGAN discriminator with three outputs (G(s), G(t), real t); the
/// frozen encoder whose features L_CONST compares, f itself unless another is given.
/// </summary>
internal sealed class DomainTransferModel : ICheckpointState, IDisposable
{
    private readonly TorchSharp.Modules.Adam _generatorOptimizer;
    private readonly TorchSharp.Modules.Adam _discriminatorOptimizer;
    private readonly DomainTransferLoss _loss = new();
    // Kept alive for the whole run: a Scalar made on the fly can be finalised during the native call that uses it.
    private readonly Scalar _constancyWeight;
    private readonly Scalar _identityWeight;
    private readonly Scalar _totalVariationWeight;
    private readonly int _generatorSteps;
    private readonly bool _constancyOverClasses;
    private readonly WeightAverage? _generatorAverage;

    /// <summary>
    /// Builds g and the discriminator for <paramref name="encoder"/>'s features and its image shape, on
    /// <paramref name="device"/>, with the width, discriminator, loss weights, optimiser settings and generator steps of
    /// <paramref name="options"/>; L_CONST reads <paramref name="constancyEncoder"/>, or f when it is null. The model owns both encoders.
    /// </summary>
    public DomainTransferModel(FrozenEncoder encoder, DomainTransferOptions options, Device device, FrozenEncoder? constancyEncoder = null)
    {
        Encoder = new PerDomainEncoder(encoder);
        ConstancyEncoder = constancyEncoder is null ? Encoder : new PerDomainEncoder(constancyEncoder);
        var layout = DcganLayout.For(encoder.Image, encoder.FeatureCount, options.Width, options.Width);
        Generator = new DcganGenerator(layout);
        Discriminator = new DcganDiscriminator(layout, outputs: DomainTransferLoss.Classes, batchNorm: options.DiscriminatorBatchNorm,
            dropout: options.DiscriminatorDropout);
        Generator.to(device);
        Discriminator.to(device);
        _generatorOptimizer = optim.Adam(Generator.parameters(), options.LearningRate, options.Beta1);
        _discriminatorOptimizer = optim.Adam(Discriminator.parameters(), options.DiscriminatorLearningRate ?? options.LearningRate, options.Beta1);
        _constancyWeight = options.ConstancyWeight.ToScalar();
        _identityWeight = options.IdentityWeight.ToScalar();
        _totalVariationWeight = options.TotalVariationWeight.ToScalar();
        _generatorSteps = options.GeneratorSteps;
        _constancyOverClasses = options.ConstancyOverClasses;
        if (options.GeneratorAverageDecay > 0)
        {
            _generatorAverage = new WeightAverage(Generator, new DcganGenerator(layout).to(device), options.GeneratorAverageDecay);
        }
    }

    /// <summary>The frozen encoder f, whose features of a source image g reads.</summary>
    public PerDomainEncoder Encoder { get; }

    /// <summary>The frozen encoder whose features L_CONST compares: <see cref="Encoder"/> itself unless another was given.</summary>
    public PerDomainEncoder ConstancyEncoder { get; }

    /// <summary>The distinct encoders: f, then the constancy encoder when it is another.</summary>
    public IEnumerable<PerDomainEncoder> Encoders => ReferenceEquals(ConstancyEncoder, Encoder) ? [Encoder] : [Encoder, ConstancyEncoder];

    /// <summary>g: f's features to a target image in [-1, 1].</summary>
    public DcganGenerator Generator { get; }

    /// <summary>The g that transfers (grids, transformer, ONNX): the weight average of g when there is one, else g itself.</summary>
    public DcganGenerator TransferGenerator => (DcganGenerator?)_generatorAverage?.Average ?? Generator;

    /// <summary>The ternary discriminator.</summary>
    public DcganDiscriminator Discriminator { get; }

    /// <summary>
    /// One discriminator step (L_D), then the generator steps (L_GANG + α L_CONST + β L_TID + γ L_TV), on a batch of
    /// source images (already in the target's channels) and one of target images, both in [-1, 1]; returns the losses
    /// of the discriminator step and of the last generator step.
    /// </summary>
    public DomainTransferLosses Step(Tensor source, Tensor target)
    {
        using var scope = NewDisposeScope();
        Generator.train();
        Discriminator.train();
        Tensor sourceFeatures, targetFeatures, constancySourceFeatures;
        using (no_grad())
        {
            sourceFeatures = Encoder.Source(source);
            targetFeatures = Encoder.Target(target);
            constancySourceFeatures = _constancyOverClasses ? ConstancyEncoder.Frozen.Encode(source)
                : ReferenceEquals(ConstancyEncoder, Encoder) ? sourceFeatures : ConstancyEncoder.Source(source);
        }
        var features = cat([sourceFeatures, targetFeatures], 0);
        var (fromSource, fromTarget) = Generate(features, source.shape[0]);

        _discriminatorOptimizer.zero_grad();
        var realLogits = Discriminator.forward(target);
        var sourceLogits = Discriminator.forward(fromSource.detach());
        var discriminatorLoss = DomainTransferLoss.Discriminator(sourceLogits, Discriminator.forward(fromTarget.detach()), realLogits);
        discriminatorLoss.backward();
        _discriminatorOptimizer.step();

        var generator = GeneratorStep(fromSource, fromTarget, constancySourceFeatures, target);
        for (var step = 1; step < _generatorSteps; step++)
        {
            (fromSource, fromTarget) = Generate(features, source.shape[0]);
            generator = GeneratorStep(fromSource, fromTarget, constancySourceFeatures, target);
        }
        _generatorAverage?.Update();
        return new DomainTransferLosses(generator.Total.item<float>(), discriminatorLoss.item<float>(), generator.Adversarial.item<float>(),
            generator.Constancy.item<float>(), generator.Identity.item<float>(), generator.TotalVariation.item<float>(),
            RealProbability(realLogits), RealProbability(sourceLogits));
    }

    /// <summary>
    /// g of the source features and of the target features in one forward: g's batch-norm statistics in training are
    /// then the mixture its running averages hold, which the grids and the exported graph use; f(s) and f(t) can lie
    /// far apart, and apart they would differ.
    /// </summary>
    private (Tensor FromSource, Tensor FromTarget) Generate(Tensor features, long sourceCount)
    {
        var generated = Generator.forward(features);
        return (generated.narrow(0, 0, sourceCount), generated.narrow(0, sourceCount, generated.shape[0] - sourceCount));
    }

    private (Tensor Total, Tensor Adversarial, Tensor Constancy, Tensor Identity, Tensor TotalVariation) GeneratorStep(
        Tensor fromSource, Tensor fromTarget, Tensor constancySourceFeatures, Tensor target)
    {
        _generatorOptimizer.zero_grad();
        var adversarial = DomainTransferLoss.Adversarial(Discriminator.forward(fromSource), Discriminator.forward(fromTarget));
        var constancy = _constancyOverClasses
            ? DomainTransferLoss.ClassConstancy(constancySourceFeatures, ConstancyEncoder.Frozen.Encode(fromSource))
            : DomainTransferLoss.Constancy(constancySourceFeatures, ConstancyEncoder.Target(fromSource));
        var identity = DomainTransferLoss.Identity(target, fromTarget);
        var totalVariation = _loss.TotalVariation(fromSource);
        var total = adversarial + constancy.mul(_constancyWeight) + identity.mul(_identityWeight) + totalVariation.mul(_totalVariationWeight);
        total.backward();
        _generatorOptimizer.step();
        return (total, adversarial, constancy, identity, totalVariation);
    }

    private static float RealProbability(Tensor logits) =>
        logits.detach().softmax(1).select(1, DomainTransferLoss.RealClass).mean().item<float>();

    /// <summary>G(s) = g(f(s)) in inference mode with <see cref="TransferGenerator"/>, for images in the target's channels in [-1, 1].</summary>
    public Tensor Transfer(Tensor source)
    {
        using var noGrad = no_grad();
        TransferGenerator.eval();
        return TransferGenerator.forward(Encoder.Source(source));
    }

    /// <inheritdoc/>
    public void Save(BinaryWriter writer)
    {
        Generator.save(writer);
        Discriminator.save(writer);
        _generatorOptimizer.save_state_dict(writer);
        _discriminatorOptimizer.save_state_dict(writer);
        _generatorAverage?.Save(writer);
    }

    /// <inheritdoc/>
    public void Load(BinaryReader reader)
    {
        Generator.load(reader);
        Discriminator.load(reader);
        _generatorOptimizer.load_state_dict(reader);
        _discriminatorOptimizer.load_state_dict(reader);
        _generatorAverage?.Load(reader);
    }

    /// <summary>Releases the networks, optimisers, scalars and the encoder.</summary>
    public void Dispose()
    {
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        _loss.Dispose();
        _constancyWeight.Dispose();
        _identityWeight.Dispose();
        _totalVariationWeight.Dispose();
        Generator.Dispose();
        _generatorAverage?.Dispose();
        Discriminator.Dispose();
        foreach (var encoder in Encoders)
        {
            encoder.Dispose();
        }
    }
}
