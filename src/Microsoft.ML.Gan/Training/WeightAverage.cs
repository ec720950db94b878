using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// An exponential moving average of a network's weights, kept in a second network of the same shape. The decay ramps
/// up as min(decay, (1 + step) / (10 + step)): with a fixed 0.999 from step 0 the average would long be dominated by the
/// random initial weights. Buffers (batch-norm running statistics) are neither averaged nor copied: the source's
/// statistics describe the source's activations, not the average's, and sampling the average with them in eval mode
/// shifts every normalised map. Instead each update runs the average forward in training mode on the step's inputs,
/// so its running statistics follow its own activations.
/// </summary>
internal sealed class WeightAverage : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _source;
    private readonly bool _hasStatistics;
    private readonly double _decay;
    private long _updates;

    /// <summary>Starts the average of <paramref name="source"/> in <paramref name="average"/>, a network of the same layout.</summary>
    public WeightAverage(nn.Module<Tensor, Tensor> source, nn.Module<Tensor, Tensor> average, double decay)
    {
        _source = source;
        Average = average;
        _decay = decay;
        _hasStatistics = average.buffers().Any();
        ModuleState.Copy(_source, Average);
        foreach (var parameter in Average.parameters())
        {
            parameter.requires_grad = false;
        }
    }

    /// <summary>The averaged network.</summary>
    public nn.Module<Tensor, Tensor> Average { get; }

    /// <summary>Updates steps taken so far (saved with checkpoints so the ramp resumes where it was).</summary>
    public long Updates
    {
        get => _updates;
        set => _updates = value;
    }

    /// <summary>
    /// Moves the average one step towards the source network's current weights, then (when it has running
    /// statistics) updates its statistics from its own activations on <paramref name="inputs"/>, the inputs the source
    /// was trained on in this step.
    /// </summary>
    public void Update(Tensor inputs)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var decay = Math.Min(_decay, (1.0 + _updates) / (10.0 + _updates));
        _updates++;
        foreach (var (target, value) in Average.parameters().Zip(_source.parameters()))
        {
            target.lerp_(value, 1 - decay);
        }
        if (_hasStatistics)
        {
            Average.train();
            Average.forward(inputs);
        }
    }

    /// <summary>Releases the averaged network.</summary>
    public void Dispose() => Average.Dispose();
}
