using Microsoft.ML.Gan.Networks;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// DCGAN as the paper trains it: Adam for both networks, the non-saturating binary cross-entropy loss, one
/// discriminator step on a real and a generated batch, then one generator step. Optionally keeps a weight average of
/// the generator, which is then the generator that samples and is exported.
/// </summary>
internal sealed class DcganModel : IAdversarialModel
{
    private readonly TorchSharp.Modules.Adam _generatorOptimizer;
    private readonly TorchSharp.Modules.Adam _discriminatorOptimizer;
    private readonly WeightAverage? _generatorAverage;
    private readonly double _learningRate;

    /// <summary>
    /// Builds both networks on <paramref name="device"/> with weights drawn from torch's seeded generator; a positive
    /// <paramref name="generatorAverageDecay"/> also keeps an exponential moving average of the generator's weights.
    /// </summary>
    public DcganModel(DcganLayout layout, double learningRate, double beta1, double beta2, double generatorAverageDecay, Device device)
    {
        Generator = new DcganGenerator(layout);
        Discriminator = new DcganDiscriminator(layout);
        Generator.to(device);
        Discriminator.to(device);
        _learningRate = learningRate;
        _generatorOptimizer = optim.Adam(Generator.parameters(), learningRate, beta1, beta2);
        _discriminatorOptimizer = optim.Adam(Discriminator.parameters(), learningRate, beta1, beta2);
        if (generatorAverageDecay > 0)
        {
            _generatorAverage = new WeightAverage(Generator, new DcganGenerator(layout).to(device), generatorAverageDecay);
        }
    }

    /// <summary>The generator network.</summary>
    public DcganGenerator Generator { get; }

    /// <summary>The discriminator network.</summary>
    public DcganDiscriminator Discriminator { get; }

    /// <summary>The generator that samples and is exported: the weight average when there is one.</summary>
    public DcganGenerator SamplingGenerator => (DcganGenerator?)_generatorAverage?.Average ?? Generator;

    /// <inheritdoc/>
    public int LatentSize => Generator.Layout.LatentSize;

    /// <inheritdoc/>
    public StepLosses Step(Tensor realImages, Tensor latents)
    {
        using var scope = NewDisposeScope();
        Generator.train();
        Discriminator.train();
        var real = ones(realImages.shape[0], device: realImages.device);
        var fake = zeros(realImages.shape[0], device: realImages.device);

        _discriminatorOptimizer.zero_grad();
        var realLogits = Discriminator.forward(realImages);
        var generated = Generator.forward(latents);
        var fakeLogits = Discriminator.forward(generated.detach());
        var discriminatorLoss = functional.binary_cross_entropy_with_logits(realLogits, real)
            + functional.binary_cross_entropy_with_logits(fakeLogits, fake);
        discriminatorLoss.backward();
        _discriminatorOptimizer.step();

        // Non-saturating loss: the generator maximises log D(G(z)) rather than minimising log(1 - D(G(z))).
        _generatorOptimizer.zero_grad();
        var generatorLoss = functional.binary_cross_entropy_with_logits(Discriminator.forward(generated), real);
        generatorLoss.backward();
        _generatorOptimizer.step();
        _generatorAverage?.Update();

        return new StepLosses(
            generatorLoss.item<float>(),
            discriminatorLoss.item<float>(),
            realLogits.detach().sigmoid().mean().item<float>(),
            fakeLogits.sigmoid().mean().item<float>());
    }

    /// <inheritdoc/>
    public Tensor Generate(Tensor latents)
    {
        using var noGrad = no_grad();
        SamplingGenerator.eval();
        return SamplingGenerator.forward(latents);
    }

    /// <inheritdoc/>
    public void Save(BinaryWriter writer)
    {
        Generator.save(writer);
        Discriminator.save(writer);
        _generatorOptimizer.save_state_dict(writer);
        _discriminatorOptimizer.save_state_dict(writer);
        if (_generatorAverage is not null)
        {
            _generatorAverage.Average.save(writer);
            writer.Write(_generatorAverage.Updates);
        }
    }

    /// <inheritdoc/>
    public void Load(BinaryReader reader)
    {
        Generator.load(reader);
        Discriminator.load(reader);
        _generatorOptimizer.load_state_dict(reader);
        _discriminatorOptimizer.load_state_dict(reader);
        // A resumed run trains at the learning rate it is given now (e.g. lowered after a divergence), not the saved one.
        foreach (var group in _generatorOptimizer.ParamGroups.Concat(_discriminatorOptimizer.ParamGroups))
        {
            group.LearningRate = _learningRate;
        }
        if (_generatorAverage is not null)
        {
            _generatorAverage.Average.load(reader);
            _generatorAverage.Updates = reader.ReadInt64();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _generatorOptimizer.Dispose();
        _discriminatorOptimizer.Dispose();
        _generatorAverage?.Dispose();
        Generator.Dispose();
        Discriminator.Dispose();
    }
}
