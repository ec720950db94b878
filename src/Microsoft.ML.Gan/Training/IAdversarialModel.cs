using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>A generator and discriminator pair with their optimisers: what the training loop drives.</summary>
internal interface IAdversarialModel : ICheckpointState, IDisposable
{
    /// <summary>Length of the generator's latent vector.</summary>
    int LatentSize { get; }

    /// <summary>One discriminator and one generator update on a batch of real images in [-1, 1], [N, C, H, W].</summary>
    StepLosses Step(Tensor realImages, Tensor latents);

    /// <summary>Generator output in [-1, 1] for <paramref name="latents"/>, in inference mode.</summary>
    Tensor Generate(Tensor latents);

    /// <summary>The best quality kept by <see cref="KeepIfBest"/> and the epoch it was measured after; null before any.</summary>
    (double Quality, int Epoch)? Best { get; }

    /// <summary>
    /// Keeps a copy of the generator <see cref="Generate"/> uses when <paramref name="quality"/> (measured after
    /// <paramref name="epoch"/>) beats every earlier one; returns whether it did.
    /// </summary>
    bool KeepIfBest(double quality, int epoch);

    /// <summary>Every network the model holds: generator, discriminator, and the weight-averaged and best generators when there are.</summary>
    IEnumerable<TorchSharp.torch.nn.Module<Tensor, Tensor>> Networks { get; }

    /// <summary>Starts both Adam optimisers afresh (moments and step counts zero), keeping their learning rates.</summary>
    void ResetOptimizers();
}
