namespace Microsoft.ML.Gan;

/// <summary>
/// Options of <see cref="MlpGanEstimator"/>: the shared options of <see cref="GanTrainerOptions"/> and the widths of the
/// multilayer perceptrons. The defaults are the classic MNIST implementations' (Adam 2e-4, β1 0.5, batch 64, BCE).
/// </summary>
public sealed class MlpGanOptions : GanTrainerOptions
{
    /// <summary>The default values of the MLP-only options (the shared ones are in <see cref="GanTrainerOptions.Defaults"/>).</summary>
    public static class ArchitectureDefaults
    {
        /// <summary>Units of the generator's first hidden layer (then 256, 512, 1024).</summary>
        public const int GeneratorWidth = 128;
        /// <summary>Units of the discriminator's first hidden layer (then 256).</summary>
        public const int DiscriminatorWidth = 512;
    }

    /// <summary>Units of the generator's first hidden layer; each of the other three doubles it.</summary>
    public int GeneratorWidth = ArchitectureDefaults.GeneratorWidth;

    /// <summary>Units of the discriminator's first hidden layer; the second halves it.</summary>
    public int DiscriminatorWidth = ArchitectureDefaults.DiscriminatorWidth;

    /// <inheritdoc/>
    internal override void Validate()
    {
        base.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(GeneratorWidth, nameof(GeneratorWidth));
        ArgumentOutOfRangeException.ThrowIfLessThan(DiscriminatorWidth, 2, nameof(DiscriminatorWidth));
    }
}
