using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Onnx;
using Microsoft.ML.Gan.Training.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// The networks of a Domain Transfer Network and one training step of each: G = g ∘ f with f frozen and g a DCGAN
/// generator from f's features to a target image; a DCGAN discriminator with three outputs (G(s), G(t), real t).
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
    private readonly WeightAverage? _generatorAverage;
    private FeatureStandardisation? _sourceStandardisation;
    private FeatureStandardisation? _targetStandardisation;

    /// <summary>
    /// Builds g and the discriminator for <paramref name="encoder"/>'s features and its image shape, on
    /// <paramref name="device"/>, with the width, discriminator, loss weights, optimiser settings and generator steps of <paramref name="options"/>.
    /// </summary>
    public DomainTransferModel(FrozenEncoder encoder, DomainTransferOptions options, Device device)
    {
        Encoder = encoder;
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
        if (options.GeneratorAverageDecay > 0)
        {
            _generatorAverage = new WeightAverage(Generator, new DcganGenerator(layout).to(device), options.GeneratorAverageDecay);
        }
    }

    /// <summary>The frozen encoder f.</summary>
    public FrozenEncoder Encoder { get; }

    /// <summary>g: f's features to a target image in [-1, 1].</summary>
    public DcganGenerator Generator { get; }

    /// <summary>The g that transfers (grids, transformer, ONNX): the weight average of g when there is one, else g itself.</summary>
    public DcganGenerator TransferGenerator => (DcganGenerator?)_generatorAverage?.Average ?? Generator;

    /// <summary>The ternary discriminator.</summary>
    public DcganDiscriminator Discriminator { get; }

    /// <summary>
    /// From now on, standardises f's features of source images by <paramref name="source"/> and those of target-domain
    /// images (t and G(s)) by <paramref name="target"/>; the model owns both.
    /// </summary>
    public void StandardisePerDomain(FeatureStandardisation source, FeatureStandardisation target)
    {
        _sourceStandardisation?.Dispose();
        _targetStandardisation?.Dispose();
        _sourceStandardisation = source;
        _targetStandardisation = target;
    }

    /// <summary>The features g reads for source images: f's, standardised by the source's statistics when asked.</summary>
    public Tensor SourceFeatures(Tensor images) => Standardised(_sourceStandardisation, Encoder.Encode(images));

    /// <summary>f's features of target-domain images (t and G(s)), standardised by the target's statistics when asked.</summary>
    private Tensor TargetFeatures(Tensor images) => Standardised(_targetStandardisation, Encoder.Encode(images));

    /// <summary>Appends <see cref="SourceFeatures"/> to <paramref name="graph"/> after tensor <paramref name="images"/>; returns the features' name.</summary>
    public string ExportSourceFeatures(OnnxGraphBuilder graph, string images) => ExportFeatures(graph, images, _sourceStandardisation);

    /// <summary>Appends f's features of target-domain images to <paramref name="graph"/> after tensor <paramref name="images"/>; returns their name.</summary>
    public string ExportTargetFeatures(OnnxGraphBuilder graph, string images) => ExportFeatures(graph, images, _targetStandardisation);

    private string ExportFeatures(OnnxGraphBuilder graph, string images, FeatureStandardisation? standardisation)
    {
        var features = Encoder.Export(graph, images);
        return standardisation?.Export(graph, features) ?? features;
    }

    private static Tensor Standardised(FeatureStandardisation? standardisation, Tensor features) =>
        standardisation?.Apply(features) ?? features;

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
        Tensor sourceFeatures, targetFeatures;
        using (no_grad())
        {
            sourceFeatures = SourceFeatures(source);
            targetFeatures = TargetFeatures(target);
        }
        var features = cat([sourceFeatures, targetFeatures], 0);
        var (fromSource, fromTarget) = Generate(features, source.shape[0]);

        _discriminatorOptimizer.zero_grad();
        var realLogits = Discriminator.forward(target);
        var sourceLogits = Discriminator.forward(fromSource.detach());
        var discriminatorLoss = DomainTransferLoss.Discriminator(sourceLogits, Discriminator.forward(fromTarget.detach()), realLogits);
        discriminatorLoss.backward();
        _discriminatorOptimizer.step();

        var generator = GeneratorStep(fromSource, fromTarget, sourceFeatures, target);
        for (var step = 1; step < _generatorSteps; step++)
        {
            (fromSource, fromTarget) = Generate(features, source.shape[0]);
            generator = GeneratorStep(fromSource, fromTarget, sourceFeatures, target);
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
        Tensor fromSource, Tensor fromTarget, Tensor sourceFeatures, Tensor target)
    {
        _generatorOptimizer.zero_grad();
        var adversarial = DomainTransferLoss.Adversarial(Discriminator.forward(fromSource), Discriminator.forward(fromTarget));
        var constancy = DomainTransferLoss.Constancy(sourceFeatures, TargetFeatures(fromSource));
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
        return TransferGenerator.forward(SourceFeatures(source));
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
        _sourceStandardisation?.Dispose();
        _targetStandardisation?.Dispose();
        Encoder.Dispose();
    }
}
