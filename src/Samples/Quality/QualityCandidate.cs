namespace Microsoft.ML.Gan.Samples.Quality;

/// <summary>One trainer configuration the <c>quality</c> command measures: a name and how to make its estimator.</summary>
/// <param name="Name">How the table names it.</param>
/// <param name="Options">Its options; the command sets epochs, time limit, seed, threads and the quality hook.</param>
/// <param name="Train">Makes the estimator from the catalog and the options.</param>
/// <param name="Folder">The folder of the output directory its training writes to (samples, report, checkpoint).</param>
internal sealed record QualityCandidate(string Name, GanTrainerOptions Options, Func<GanCatalog, GanTrainerOptions, GanTrainerEstimator> Train, string Folder)
{
    /// <summary>
    /// The generator width of the plain DCGAN the issue measured outside the project (100 → 256@7×7 → 128@14×14 →
    /// 1@28×28), twice pytorch/examples' 64 at 28×28.
    /// </summary>
    public const int PlainGeneratorWidth = 128;

    /// <summary>
    /// The plain DCGAN (the paper's settings with the generator width), the library's recommended DCGAN and
    /// the MLP GAN; the recipe options of <paramref name="options"/> (<see cref="RecipeOptions"/>) override the
    /// recommended DCGAN's and are named in its row.
    /// </summary>
    public static IReadOnlyList<QualityCandidate> Standard(CommandLine options)
    {
        var plain = new DcganOptions();
        plain.ApplyPreset(GanPreset.Paper);
        plain.GeneratorWidth = PlainGeneratorWidth;
        var recommended = new DcganOptions();
        recommended.ApplyPreset(GanPreset.Recommended);
        var mlp = new MlpGanOptions();
        mlp.ApplyPreset(GanPreset.Recommended);
        return
        [
            new("DCGAN, plain", plain, (gan, trainer) => gan.TrainDcgan((DcganOptions)trainer), "dcgan-plain"),
            new(Named("DCGAN, recommended", RecipeOptions.Apply(options, recommended)), recommended, (gan, trainer) => gan.TrainDcgan((DcganOptions)trainer), "dcgan-recommended"),
            new("MLP GAN, recommended", mlp, (gan, trainer) => gan.TrainGan((MlpGanOptions)trainer), "mlp-gan-recommended"),
        ];
    }

    private static string Named(string name, string overrides) => overrides.Length == 0 ? name : $"{name} + {overrides}";
}
