using Microsoft.ML.Gan.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// A pair of network designs planned for one image: what the shared estimator needs to build, name, checkpoint and
/// export them without knowing which architecture it trains.
/// </summary>
internal abstract class GanArchitecture
{
    /// <summary>The image the networks generate and discriminate.</summary>
    public abstract ImageShape Image { get; }

    /// <summary>Length of the latent vector.</summary>
    public abstract int LatentSize { get; }

    /// <summary>Name of the model in logs and reports, e.g. "DCGAN 1×28×28".</summary>
    public abstract string Title { get; }

    /// <summary>Everything that fixes the networks' state layout, to refuse checkpoints written for others.</summary>
    public abstract string Identity { get; }

    /// <summary>Length of the discriminator's features.</summary>
    public abstract int FeatureCount { get; }

    /// <summary>A new generator with initial weights.</summary>
    public abstract Module<Tensor, Tensor> CreateGenerator();

    /// <summary>A new discriminator with initial weights.</summary>
    public abstract Module<Tensor, Tensor> CreateDiscriminator();

    /// <summary>The generator's ONNX graph, <paramref name="latentColumn"/> → <paramref name="pixelsColumn"/>, from a network made by <see cref="CreateGenerator"/>.</summary>
    public abstract byte[] ExportGenerator(Module<Tensor, Tensor> generator, string latentColumn, string pixelsColumn);

    /// <summary>The discriminator's ONNX graph, <paramref name="pixelsColumn"/> → score and features, from a network made by <see cref="CreateDiscriminator"/>.</summary>
    public abstract byte[] ExportDiscriminator(Module<Tensor, Tensor> discriminator, string pixelsColumn, string scoreColumn, string featuresColumn);
}
