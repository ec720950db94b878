namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>One trial: the ML.NET pipeline and the hand-written loop, measured one after the other.</summary>
/// <param name="Number">The trial number, from 1.</param>
/// <param name="Pipeline">Training through <c>mlContext.Transforms.Gan.TrainDcgan(...).Fit</c>.</param>
/// <param name="HandWritten">The hand-written TorchSharp loop on pre-built tensors.</param>
public sealed record BenchTrial(int Number, Throughput Pipeline, Throughput HandWritten)
{
    /// <summary>Pipeline images/s over hand-written images/s.</summary>
    public double Ratio => Pipeline.ImagesPerSecond / HandWritten.ImagesPerSecond;
}
