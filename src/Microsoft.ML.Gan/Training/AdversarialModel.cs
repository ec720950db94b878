using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Training.Losses;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// A generator and a discriminator trained against each other, whatever their architecture: Adam for each network
/// (learning rates may differ), the chosen <see cref="AdversarialLoss"/>, one discriminator step per batch and a
/// generator step on every <see cref="AdversarialSettings.CriticSteps"/>-th. Optionally keeps a weight average of the
/// generator, which is then the generator that samples and is exported, and of the discriminator, which is then the
/// discriminator that is exported.
/// </summary>
internal sealed class AdversarialModel : IAdversarialModel
{
    private readonly AdversarialSettings _settings;
    private TorchSharp.Modules.Adam _generatorOptimizer;
    private TorchSharp.Modules.Adam _discriminatorOptimizer;
    private readonly WeightAverage? _generatorAverage;
    private readonly WeightAverage? _discriminatorAverage;
    private readonly RandomTranslation? _translation;
    private readonly IHiddenFeatures? _featureMatching;
    private readonly AdversarialLoss _loss;
    private readonly int _criticSteps;
    private readonly torch.Generator _random;
    private readonly Func<Module<Tensor, Tensor>> _createGenerator;
    private readonly Device _device;
    private Module<Tensor, Tensor>? _bestGenerator;
    private long _discriminatorSteps;
    private float _generatorLoss;

    /// <summary>
    /// Builds both networks with <paramref name="createGenerator"/> and <paramref name="createDiscriminator"/> (weights
    /// from torch's seeded generator) and moves them to <paramref name="device"/>; a positive average decay builds a
    /// second network of that kind for the average.
    /// </summary>
    public AdversarialModel(Func<Module<Tensor, Tensor>> createGenerator, Func<Module<Tensor, Tensor>> createDiscriminator,
        int latentSize, AdversarialSettings settings, Device device)
    {
        LatentSize = latentSize;
        _createGenerator = createGenerator;
        _device = device;
        Generator = createGenerator();
        Discriminator = createDiscriminator();
        Generator.to(device);
        Discriminator.to(device);
        _settings = settings;
        (_generatorOptimizer, _discriminatorOptimizer) = NewOptimizers();
        if (settings.GeneratorAverageDecay > 0)
        {
            _generatorAverage = new WeightAverage(Generator, createGenerator().to(device), settings.GeneratorAverageDecay);
        }
        if (settings.DiscriminatorAverageDecay > 0)
        {
            _discriminatorAverage = new WeightAverage(Discriminator, WithoutRandomDraws(createDiscriminator).to(device), settings.DiscriminatorAverageDecay);
        }
        _loss = AdversarialLoss.For(settings.Loss, settings.GradientPenaltyWeight, settings.DriftWeight);
        if (settings.FeatureMatching)
        {
            _featureMatching = Discriminator as IHiddenFeatures ?? throw new NotSupportedException(
                $"GeneratorFeatureMatching needs a discriminator whose last hidden layer can be read (the DCGAN's or the MLP GAN's); found {Discriminator.GetType().Name}.");
        }
        _criticSteps = settings.CriticSteps;
        _translation = settings.DiscriminatorTranslation > 0 ? new RandomTranslation(settings.DiscriminatorTranslation) : null;
        _random = new torch.Generator((ulong)settings.Seed);
    }

    /// <summary>
    /// A network built with torch's global random state put back afterwards, so that building it changes no later draw:
    /// training with the discriminator's average then trains the very same networks as without it.
    /// </summary>
    private static Module<Tensor, Tensor> WithoutRandomDraws(Func<Module<Tensor, Tensor>> create)
    {
        using var state = torch.random.get_rng_state();
        var network = create();
        torch.random.set_rng_state(state);
        return network;
    }

    private (TorchSharp.Modules.Adam Generator, TorchSharp.Modules.Adam Discriminator) NewOptimizers() => (
        optim.Adam(Generator.parameters(), _settings.GeneratorLearningRate, _settings.Beta1, _settings.Beta2),
        optim.Adam(Discriminator.parameters(), _settings.DiscriminatorLearningRate, _settings.Beta1, _settings.Beta2));

    /// <inheritdoc/>
    public void ResetOptimizers()
    {
        var (generatorRate, discriminatorRate) = LearningRates;
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        (_generatorOptimizer, _discriminatorOptimizer) = NewOptimizers();
        SetLearningRate(_generatorOptimizer, generatorRate);
        SetLearningRate(_discriminatorOptimizer, discriminatorRate);
    }

    /// <inheritdoc/>
    public IEnumerable<Module<Tensor, Tensor>> Networks =>
        new[] { Generator, Discriminator, (Module<Tensor, Tensor>?)_generatorAverage?.Average, (Module<Tensor, Tensor>?)_discriminatorAverage?.Average, _bestGenerator }
            .OfType<Module<Tensor, Tensor>>();

    /// <summary>The generator network being trained.</summary>
    public Module<Tensor, Tensor> Generator { get; }

    /// <summary>The discriminator network.</summary>
    public Module<Tensor, Tensor> Discriminator { get; }

    /// <summary>The discriminator to export: the weight average when there is one.</summary>
    public Module<Tensor, Tensor> ExportedDiscriminator => (Module<Tensor, Tensor>?)_discriminatorAverage?.Average ?? Discriminator;

    /// <summary>The generator that samples and is exported: the weight average when there is one.</summary>
    public Module<Tensor, Tensor> SamplingGenerator => (Module<Tensor, Tensor>?)_generatorAverage?.Average ?? Generator;

    /// <summary>The generator to export: the best one kept by <see cref="KeepIfBest"/>, else <see cref="SamplingGenerator"/>.</summary>
    public Module<Tensor, Tensor> ExportedGenerator => _bestGenerator ?? SamplingGenerator;

    /// <inheritdoc/>
    public (double Quality, int Epoch)? Best { get; private set; }

    /// <summary>The Adam learning rates of the generator and the discriminator.</summary>
    public (double Generator, double Discriminator) LearningRates =>
        (_generatorOptimizer.ParamGroups.First().LearningRate, _discriminatorOptimizer.ParamGroups.First().LearningRate);

    /// <inheritdoc/>
    public int LatentSize { get; }

    /// <inheritdoc/>
    /// <remarks>
    /// The generator steps on the first batch of every <see cref="AdversarialSettings.CriticSteps"/>; on the others the
    /// reported generator loss is that of its last step.
    /// </remarks>
    public StepLosses Step(Tensor realImages, Tensor latents)
    {
        using var scope = NewDisposeScope();
        Generator.train();
        Discriminator.train();

        var generatorStep = _discriminatorSteps++ % _criticSteps == 0;
        _discriminatorOptimizer.zero_grad();
        var realLogits = Judge(realImages);
        Tensor generated;
        // Without a generator step, nothing needs the generator's graph.
        using (generatorStep ? null : no_grad())
        {
            generated = Generator.forward(latents);
        }
        var fakeLogits = Judge(generated.detach());
        var discriminatorLoss = _loss.Discriminator(realLogits, fakeLogits, () => GradientNorms(realImages, generated.detach()));
        discriminatorLoss.backward();
        _discriminatorOptimizer.step();
        _discriminatorAverage?.Update();

        if (generatorStep)
        {
            _generatorOptimizer.zero_grad();
            var generatorLoss = _featureMatching is { } hidden ? FeatureMatching(hidden, realImages, generated) : _loss.Generator(Judge(generated));
            generatorLoss.backward();
            _generatorOptimizer.step();
            _generatorAverage?.Update();
            _generatorLoss = generatorLoss.item<float>();
        }

        return new StepLosses(
            _generatorLoss,
            discriminatorLoss.item<float>(),
            realLogits.detach().sigmoid().mean().item<float>(),
            fakeLogits.detach().sigmoid().mean().item<float>());
    }

    /// <summary>
    /// The feature-matching objective: the squared distance between the batch means of the discriminator's last hidden
    /// layer for <paramref name="real"/> (a fixed target) and for <paramref name="generated"/>, averaged over the features.
    /// </summary>
    private Tensor FeatureMatching(IHiddenFeatures hidden, Tensor real, Tensor generated)
    {
        Tensor realMean;
        using (no_grad())
        {
            realMean = hidden.LastHiddenFeatures(Translated(real)).mean([0L]);
        }
        return functional.mse_loss(hidden.LastHiddenFeatures(Translated(generated)).mean([0L]), realMean);
    }

    /// <summary>The discriminator's logits of <paramref name="images"/>, shifted first when the settings ask for translation.</summary>
    private Tensor Judge(Tensor images) => Discriminator.forward(Translated(images));

    /// <summary><paramref name="images"/> shifted when the settings ask for translation, else as they are.</summary>
    private Tensor Translated(Tensor images) => _translation?.Apply(images) ?? images;

    /// <summary>‖∇D(x̂)‖ per image at x̂ drawn uniformly on the segments between real and generated images (WGAN-GP).</summary>
    private Tensor GradientNorms(Tensor real, Tensor fake)
    {
        var shape = Enumerable.Repeat(1L, (int)real.dim()).ToArray();
        shape[0] = real.shape[0];
        var weights = rand(shape, generator: _random).to(real.device);
        var mixed = real.lerp(fake, weights).requires_grad_(true);
        var scores = Discriminator.forward(mixed);
        var gradients = autograd.grad([scores], [mixed], [ones_like(scores)], retain_graph: true, create_graph: true)[0];
        return gradients.flatten(1).norm(1, false, 2);
    }

    /// <inheritdoc/>
    public Tensor Generate(Tensor latents)
    {
        using var noGrad = no_grad();
        SamplingGenerator.eval();
        return SamplingGenerator.forward(latents);
    }

    /// <inheritdoc/>
    public bool KeepIfBest(double quality, int epoch)
    {
        // NaN is never the best.
        if (double.IsNaN(quality) || (Best is { } best && quality <= best.Quality))
        {
            return false;
        }
        _bestGenerator ??= NewBestGenerator();
        ModuleState.Copy(SamplingGenerator, _bestGenerator);
        Best = (quality, epoch);
        return true;
    }

    private Module<Tensor, Tensor> NewBestGenerator()
    {
        var generator = _createGenerator().to(_device);
        generator.eval();
        foreach (var parameter in generator.parameters())
        {
            parameter.requires_grad = false;
        }
        return generator;
    }

    /// <inheritdoc/>
    public void Save(BinaryWriter writer)
    {
        Generator.save(writer);
        Discriminator.save(writer);
        _generatorOptimizer.save_state_dict(writer);
        _discriminatorOptimizer.save_state_dict(writer);
        _generatorAverage?.Save(writer);
        _discriminatorAverage?.Save(writer);
        writer.Write(_discriminatorSteps);
        writer.Write(_generatorLoss);
        using var random = _random.get_state();
        random.Save(writer);
        // Torch's global generator drives stochastic layers (the discriminator's dropout).
        using var globalRandom = torch.random.get_rng_state();
        globalRandom.Save(writer);
        writer.Write(Best is not null);
        if (Best is { } best)
        {
            writer.Write(best.Quality);
            writer.Write(best.Epoch);
            _bestGenerator!.save(writer);
        }
    }

    /// <inheritdoc/>
    public void Load(BinaryReader reader)
    {
        Generator.load(reader);
        Discriminator.load(reader);
        var (generatorRate, discriminatorRate) = LearningRates;
        _generatorOptimizer.load_state_dict(reader);
        _discriminatorOptimizer.load_state_dict(reader);
        // A resumed run trains at the learning rates it is given now (e.g. lowered after a divergence), not the saved ones.
        SetLearningRate(_generatorOptimizer, generatorRate);
        SetLearningRate(_discriminatorOptimizer, discriminatorRate);
        _generatorAverage?.Load(reader);
        _discriminatorAverage?.Load(reader);
        _discriminatorSteps = reader.ReadInt64();
        _generatorLoss = reader.ReadSingle();
        using var random = Tensor.Load(reader);
        _random.set_state(random);
        using var globalRandom = Tensor.Load(reader);
        torch.random.set_rng_state(globalRandom);
        if (reader.ReadBoolean())
        {
            Best = (reader.ReadDouble(), reader.ReadInt32());
            _bestGenerator ??= NewBestGenerator();
            _bestGenerator.load(reader);
        }
    }

    private static void SetLearningRate(TorchSharp.Modules.Adam optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        _generatorAverage?.Dispose();
        _discriminatorAverage?.Dispose();
        _bestGenerator?.Dispose();
        _loss.Dispose();
        _random.Dispose();
        Generator.Dispose();
        Discriminator.Dispose();
    }
}
