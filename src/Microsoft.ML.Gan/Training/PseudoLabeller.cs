using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// Pseudo-labels for self-training on unlabelled images: FixMatch's confidence threshold (Sohn et al. 2020) on
/// probabilities first brought to the labelled images' class frequencies (ReMixMatch's distribution alignment,
/// Berthelot et al. 2020). Each probability is multiplied by the ratio of the labelled frequency of its class to the
/// network's running mean prediction of it on unlabelled images, then each row is rescaled to sum to 1. Without the
/// alignment, a network can give one class to all the images of a new domain, sure of it and never corrected, because
/// no labelled image looks like them; the alignment takes confidence from a class that is predicted more often than it
/// is labelled and gives it to the others. Both frequencies are running means over recent batches.
/// </summary>
internal sealed class PseudoLabeller : IDisposable
{
    // Weight of the past in both running means: about the last hundred batches count.
    private const double FrequencyDecay = 0.99;

    private readonly double _confidence;
    private readonly int _classCount;
    private readonly Tensor _labelFrequencies;
    private readonly Tensor _predictedFrequencies;

    /// <summary>
    /// Starts with equal frequencies of <paramref name="classCount"/> classes on <paramref name="device"/>; an image is
    /// pseudo-labelled when its aligned probability of its likeliest class is <paramref name="confidence"/> or more.
    /// </summary>
    public PseudoLabeller(int classCount, double confidence, Device device)
    {
        _confidence = confidence;
        _classCount = classCount;
        _labelFrequencies = full(classCount, 1.0 / classCount, device: device);
        _predictedFrequencies = full(classCount, 1.0 / classCount, device: device);
    }

    /// <summary>Takes the class indices [N] of a labelled batch into the labelled frequencies.</summary>
    public void ObserveLabels(Tensor labels)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var frequencies = nn.functional.one_hot(labels, _classCount).to(ScalarType.Float32).mean([0]);
        _labelFrequencies.mul_(FrequencyDecay).add_(frequencies, alpha: 1 - FrequencyDecay);
    }

    /// <summary>
    /// The pseudo-label of each of the unlabelled images whose class <paramref name="probabilities"/> [N, classes] are
    /// given, and which of them are confident enough to train on (a Boolean mask [N]).
    /// </summary>
    public (Tensor Labels, Tensor Confident) Assign(Tensor probabilities)
    {
        using var noGrad = no_grad();
        _predictedFrequencies.mul_(FrequencyDecay).add_(probabilities.mean([0]), alpha: 1 - FrequencyDecay);
        var aligned = probabilities * (_labelFrequencies / _predictedFrequencies);
        var (probability, labels) = (aligned / aligned.sum(1, keepdim: true)).max(1);
        return (labels, probability.ge(_confidence));
    }

    /// <summary>Releases the running frequencies.</summary>
    public void Dispose()
    {
        _labelFrequencies.Dispose();
        _predictedFrequencies.Dispose();
    }
}
