namespace Microsoft.ML.Gan;

/// <summary>
/// Options of <see cref="ProgressiveGanEstimator"/>: the shared options of <see cref="GanTrainerOptions"/> with the
/// progressive GAN paper's values (Karras et al. 2017: WGAN-GP with λ 10 and drift 0.001, Adam 1e-3 with β (0, 0.99),
/// latent 512, generator average 0.999, batch 16), the growth schedule in images shown, and the feature-map widths.
/// <see cref="GanTrainerOptions.Epochs"/> is not used: the schedule sets the length of training.
/// </summary>
public sealed class ProgressiveGanOptions : GanTrainerOptions
{
    /// <summary>The default values of the progressive-only options and of the shared ones the paper sets differently.</summary>
    public static class ProgressiveDefaults
    {
        /// <summary>Images shown in each stabilisation phase (the paper's 600k).</summary>
        public const long ImagesPerStabilizePhase = 600_000;
        /// <summary>Images shown in each fade-in phase (the paper's 600k).</summary>
        public const long ImagesPerFadePhase = 600_000;
        /// <summary>The official code's fmap_base: a block at resolution r has min(2·base / r, max) channels.</summary>
        public const int FeatureMapBase = 8192;
        /// <summary>The official code's fmap_max.</summary>
        public const int FeatureMapMax = 512;
        /// <summary>The paper's latent size.</summary>
        public const int LatentSize = 512;
        /// <summary>The official code's base minibatch.</summary>
        public const int BatchSize = 16;
        /// <summary>The paper's Adam learning rate.</summary>
        public const double LearningRate = 1e-3;
        /// <summary>The paper's Adam β1.</summary>
        public const double Beta1 = 0;
        /// <summary>The paper's Adam β2.</summary>
        public const double Beta2 = 0.99;
        /// <summary>The paper's drift weight ε_drift.</summary>
        public const double WassersteinDriftWeight = 0.001;
    }

    /// <summary>Options with the paper's values.</summary>
    public ProgressiveGanOptions()
    {
        LatentSize = ProgressiveDefaults.LatentSize;
        BatchSize = ProgressiveDefaults.BatchSize;
        GeneratorLearningRate = ProgressiveDefaults.LearningRate;
        DiscriminatorLearningRate = ProgressiveDefaults.LearningRate;
        Beta1 = ProgressiveDefaults.Beta1;
        Beta2 = ProgressiveDefaults.Beta2;
        Loss = GanLoss.Wasserstein;
        WassersteinDriftWeight = ProgressiveDefaults.WassersteinDriftWeight;
    }

    /// <summary>Real images shown to the discriminator while each level stabilises (α = 1).</summary>
    public long ImagesPerStabilizePhase = ProgressiveDefaults.ImagesPerStabilizePhase;

    /// <summary>Real images shown while each new level fades in (α rising linearly from 0 to 1).</summary>
    public long ImagesPerFadePhase = ProgressiveDefaults.ImagesPerFadePhase;

    /// <summary>
    /// Batch size per resolution (side → images per step, e.g. { [64] = 8 }); a side not listed trains with
    /// <see cref="GanTrainerOptions.BatchSize"/>. Every size must be a multiple of <see cref="GanTrainerOptions.BatchSize"/>,
    /// the batch the data is read in.
    /// </summary>
    public Dictionary<int, int> BatchSizes = [];

    /// <summary>fmap_base: a block at resolution r has min(2·base / r, <see cref="FeatureMapMax"/>) channels.</summary>
    public int FeatureMapBase = ProgressiveDefaults.FeatureMapBase;

    /// <summary>fmap_max: the most channels of any block.</summary>
    public int FeatureMapMax = ProgressiveDefaults.FeatureMapMax;

    /// <inheritdoc/>
    internal override void Validate()
    {
        base.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ImagesPerStabilizePhase, nameof(ImagesPerStabilizePhase));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ImagesPerFadePhase, nameof(ImagesPerFadePhase));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(FeatureMapBase, nameof(FeatureMapBase));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(FeatureMapMax, nameof(FeatureMapMax));
        ArgumentNullException.ThrowIfNull(BatchSizes, nameof(BatchSizes));
        foreach (var (side, size) in BatchSizes)
        {
            if (size <= 0 || size % BatchSize != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(BatchSizes), size,
                    $"The batch size of side {side} must be a positive multiple of BatchSize ({BatchSize}); found {size}.");
            }
        }
        if (QualityMetric is not null)
        {
            throw new ArgumentException("Keep-best (QualityMetric) is not supported by progressive growing: a generator kept at a lower level cannot be exported at the final resolution.", nameof(QualityMetric));
        }
    }
}
