namespace Microsoft.ML.Gan.Samples.Quality;

/// <summary>One trainer configuration the <c>quality</c> command measures: a name and how to make its estimator.</summary>
/// <param name="Name">How the table names it.</param>
/// <param name="Options">Its options; the command sets epochs, time limit, seed, threads and the quality hook.</param>
/// <param name="Train">Makes the estimator from the catalog and the options.</param>
internal sealed record QualityCandidate(string Name, GanTrainerOptions Options, Func<GanCatalog, GanTrainerOptions, GanTrainerEstimator> Train)
{
    /// <summary>The plain DCGAN of the paper, the library's recommended DCGAN and the MLP GAN.</summary>
    public static IReadOnlyList<QualityCandidate> Standard()
    {
        var paper = new DcganOptions();
        paper.ApplyPreset(GanPreset.Paper);
        var recommended = new DcganOptions();
        recommended.ApplyPreset(GanPreset.Recommended);
        var mlp = new MlpGanOptions();
        mlp.ApplyPreset(GanPreset.Recommended);
        return
        [
            new("DCGAN, paper", paper, (gan, options) => gan.TrainDcgan((DcganOptions)options)),
            new("DCGAN, recommended", recommended, (gan, options) => gan.TrainDcgan((DcganOptions)options)),
            new("MLP GAN, recommended", mlp, (gan, options) => gan.TrainGan((MlpGanOptions)options)),
        ];
    }
}
