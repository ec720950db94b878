using Microsoft.ML.Gan.Networks.Progressive;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// The growth of progressive GAN training, counted in real images shown to the discriminator as in Karras et al. 2017:
/// level 0 (4×4) stabilises, then every further level fades in (α from 0 to 1 linearly) and stabilises, each phase
/// for its number of images; a level trains with its own batch size. The schedule sets every network's level and α
/// before each step, and blends the real images the same way: averaged down to the level's side and, during a fade,
/// (1 − α)·upsample(average-pool(x)) + α·x, then brought back to the final side by nearest neighbour so that the
/// discriminator, which averages down again, sees exactly the blended image.
/// </summary>
internal sealed class GrowthSchedule
{
    private readonly long _stabilizeImages;
    private readonly long _fadeImages;
    private readonly IReadOnlyList<int> _batchesPerStep;

    /// <summary>
    /// A schedule to <paramref name="lastLevel"/>; <paramref name="batchSizes"/> holds each level's batch size, a
    /// multiple of <paramref name="readerBatchSize"/>, the batch the data is read in.
    /// </summary>
    public GrowthSchedule(int lastLevel, long stabilizeImages, long fadeImages, IReadOnlyList<int> batchSizes, int readerBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stabilizeImages);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fadeImages);
        if (batchSizes.Count != lastLevel + 1 || batchSizes.Any(size => size <= 0 || size % readerBatchSize != 0))
        {
            throw new ArgumentException(
                $"Expected {lastLevel + 1} batch sizes (one per level), each a positive multiple of {readerBatchSize}; found [{string.Join(", ", batchSizes)}].",
                nameof(batchSizes));
        }
        LastLevel = lastLevel;
        _stabilizeImages = stabilizeImages;
        _fadeImages = fadeImages;
        _batchesPerStep = batchSizes.Select(size => size / readerBatchSize).ToArray();
    }

    /// <summary>The level the networks grow to.</summary>
    public int LastLevel { get; }

    /// <summary>Number of phases: a stabilisation of level 0, then a fade and a stabilisation per further level.</summary>
    public int PhaseCount => 2 * LastLevel + 1;

    /// <summary>Images shown over the whole schedule.</summary>
    public long TotalImages => PhaseStart(PhaseCount);

    /// <summary>Whether <paramref name="imagesShown"/> completes the schedule.</summary>
    public bool IsComplete(long imagesShown) => imagesShown >= TotalImages;

    /// <summary>The phase of the step that starts after <paramref name="imagesShown"/> images (the last phase once complete).</summary>
    public GrowthPhase PhaseAt(long imagesShown)
    {
        var index = 0;
        while (index < PhaseCount - 1 && imagesShown >= PhaseStart(index + 1))
        {
            index++;
        }
        var level = (index + 1) / 2;
        var alpha = index % 2 == 1 ? Math.Clamp((double)(imagesShown - PhaseStart(index)) / _fadeImages, 0, 1) : 1;
        return new GrowthPhase(index, level, alpha);
    }

    /// <summary>Data batches (of the reader's size) that make one step at <paramref name="level"/>.</summary>
    public int BatchesPerStep(int level) => _batchesPerStep[level];

    /// <summary>The largest number of data batches of a step.</summary>
    public int MaximumBatchesPerStep => _batchesPerStep.Max();

    /// <summary>Sets every progressive network of <paramref name="model"/> to <paramref name="phase"/>'s level and α.</summary>
    public static void Apply(IAdversarialModel model, GrowthPhase phase)
    {
        foreach (var network in model.Networks.OfType<IProgressiveNetwork>())
        {
            network.Grow(phase.Level, phase.Alpha);
        }
    }

    /// <summary>Real images [N, C, H, W] at the final side as the discriminator must see them in <paramref name="phase"/>.</summary>
    public Tensor BlendReal(Tensor real, GrowthPhase phase)
    {
        var factor = 1 << (LastLevel - phase.Level);
        var image = ProgressiveResampling.Downsample(real, factor);
        if (phase.Fading)
        {
            image = ProgressiveResampling.Fade(ProgressiveResampling.Upsample(ProgressiveResampling.Downsample(image, 2), 2), image, phase.Alpha);
        }
        return ProgressiveResampling.Upsample(image, factor);
    }

    private long PhaseStart(int index) => index == 0 ? 0 : _stabilizeImages + (index - 1) / 2 * (_fadeImages + _stabilizeImages)
        + (index % 2 == 0 ? _fadeImages : 0);
}
