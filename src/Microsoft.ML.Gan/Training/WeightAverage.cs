using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// An exponential moving average of a network's weights, kept in a second network of the same shape. The decay ramps
/// up as min(decay, (1 + step) / (10 + step)): with a fixed 0.999 from step 0 the average would long be dominated by the
/// random initial weights. Buffers (batch-norm running statistics) are copied, not averaged.
/// </summary>
internal sealed class WeightAverage : IDisposable
{
    private readonly nn.Module _source;
    private readonly double _decay;
    private long _updates;

    /// <summary>Starts the average of <paramref name="source"/> in <paramref name="average"/>, a network of the same layout.</summary>
    public WeightAverage(nn.Module source, nn.Module average, double decay)
    {
        _source = source;
        Average = average;
        _decay = decay;
        ModuleState.Copy(_source, Average);
        foreach (var parameter in Average.parameters())
        {
            parameter.requires_grad = false;
        }
    }

    /// <summary>The averaged network.</summary>
    public nn.Module Average { get; }

    /// <summary>Updates taken so far (the ramp's position).</summary>
    public long Updates => _updates;

    /// <summary>Writes the averaged weights and the updates taken so far (so that the ramp resumes where it was).</summary>
    public void Save(BinaryWriter writer)
    {
        Average.save(writer);
        writer.Write(_updates);
    }

    /// <summary>Reads what <see cref="Save"/> wrote.</summary>
    public void Load(BinaryReader reader)
    {
        Average.load(reader);
        _updates = reader.ReadInt64();
    }

    /// <summary>Moves the average one step towards the source network's current weights.</summary>
    public void Update()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var decay = Math.Min(_decay, (1.0 + _updates) / (10.0 + _updates));
        _updates++;
        foreach (var (target, value) in Pairs(Average.parameters(), _source.parameters()))
        {
            target.lerp_(value, 1 - decay);
        }
        foreach (var (target, value) in Pairs(Average.buffers(), _source.buffers()))
        {
            target.copy_(value);
        }
    }

    private static IEnumerable<(Tensor Target, Tensor Value)> Pairs(IEnumerable<Tensor> targets, IEnumerable<Tensor> values) =>
        targets.Zip(values);

    /// <summary>Releases the averaged network.</summary>
    public void Dispose() => Average.Dispose();
}
