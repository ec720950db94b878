namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>Everything one <c>bench</c> run measured, as written to bench.json.</summary>
/// <param name="Command">The command line that produced it.</param>
/// <param name="Machine">The machine it ran on.</param>
/// <param name="Networks">The networks both sides trained, as the trainer plans them (e.g. "DCGAN 1×28×28, latent 100, …").</param>
/// <param name="Data">The data: <c>mnist</c>, a file or a folder.</param>
/// <param name="Images">Images trained on.</param>
/// <param name="Epochs">Epochs per measurement.</param>
/// <param name="BatchSize">Images per step.</param>
/// <param name="Threads">Torch threads.</param>
/// <param name="Trials">The trials in the order they ran.</param>
public sealed record BenchResult(string Command, MachineInfo Machine, string Networks, string Data, int Images, int Epochs, int BatchSize, int Threads,
    IReadOnlyList<BenchTrial> Trials)
{
    /// <summary>The threshold the requirement sets for <see cref="MedianRatio"/>.</summary>
    public const double RequiredRatio = 0.95;

    /// <summary>The median over the trials of pipeline images/s over hand-written images/s.</summary>
    public double MedianRatio => Median.Of(Trials.Select(t => t.Ratio));

    /// <summary>Whether the median ratio reaches <see cref="RequiredRatio"/>.</summary>
    public bool MeetsRequirement => MedianRatio >= RequiredRatio;
}
