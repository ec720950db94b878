namespace Microsoft.ML.Gan.Samples;

/// <summary>
/// The training-recipe options of the GAN commands (the options GAN users ask for most): loss, spectral normalisation, weight average,
/// learning rates, Adam's betas, critic steps, latent distribution and the networks' widths. Each one given overrides
/// the preset's value; the rest keep it.
/// </summary>
internal static class RecipeOptions
{
    /// <summary>The options, for usage lines.</summary>
    public const string Usage =
        "[--loss nonsaturating|minimax|leastsquares|hinge|wasserstein] [--critic-steps N] [--d-translate PIXELS] [--spectral-norm] [--feature-matching] [--ema DECAY] [--d-ema DECAY] [--g-lr R] [--d-lr R] [--beta1 B] [--beta2 B] [--latent-distribution normal|uniform] [--g-width N] [--d-width N] [--d-dropout P] [--d-no-batch-norm]";

    /// <summary>The switch that turns spectral normalisation on.</summary>
    public const string SpectralNormFlag = "--spectral-norm";

    /// <summary>The switch that trains the generator by feature matching.</summary>
    public const string FeatureMatchingFlag = "--feature-matching";

    /// <summary>The switch that takes batch norm out of the DCGAN discriminator.</summary>
    public const string NoDiscriminatorBatchNormFlag = "--d-no-batch-norm";

    /// <summary>
    /// Sets on <paramref name="trainer"/> every recipe option the command line gives and returns them as one line
    /// (empty when none is given), for reports.
    /// </summary>
    public static string Apply(CommandLine options, GanTrainerOptions trainer)
    {
        var given = new List<string>();
        if (options.Text("--loss") is { } loss)
        {
            trainer.Loss = loss switch
            {
                "nonsaturating" => GanLoss.NonSaturating,
                "minimax" => GanLoss.Minimax,
                "leastsquares" => GanLoss.LeastSquares,
                "hinge" => GanLoss.Hinge,
                "wasserstein" => GanLoss.Wasserstein,
                _ => throw new ArgumentException($"Option --loss needs nonsaturating, minimax, leastsquares, hinge or wasserstein, found '{loss}'."),
            };
            given.Add($"loss {loss}");
        }
        if (options.Has(SpectralNormFlag))
        {
            trainer.SpectralNormalization = true;
            given.Add("spectral norm");
        }
        if (options.Has(FeatureMatchingFlag))
        {
            trainer.GeneratorFeatureMatching = true;
            given.Add("feature matching");
        }
        trainer.CriticSteps = Given(options, "--critic-steps", trainer.CriticSteps, given, "critic steps");
        trainer.DiscriminatorTranslation = Given(options, "--d-translate", trainer.DiscriminatorTranslation, given, "D translation");
        trainer.GeneratorAverageDecay = Given(options, "--ema", trainer.GeneratorAverageDecay, given, "weight average");
        trainer.DiscriminatorAverageDecay = Given(options, "--d-ema", trainer.DiscriminatorAverageDecay, given, "D weight average");
        trainer.GeneratorLearningRate = Given(options, "--g-lr", trainer.GeneratorLearningRate, given, "G lr");
        trainer.DiscriminatorLearningRate = Given(options, "--d-lr", trainer.DiscriminatorLearningRate, given, "D lr");
        trainer.Beta1 = Given(options, "--beta1", trainer.Beta1, given, "β1");
        trainer.Beta2 = Given(options, "--beta2", trainer.Beta2, given, "β2");
        if (options.Text("--latent-distribution") is { } distribution)
        {
            trainer.LatentDistribution = distribution switch
            {
                "normal" => LatentDistribution.Normal,
                "uniform" => LatentDistribution.Uniform,
                _ => throw new ArgumentException($"Option --latent-distribution needs normal or uniform, found '{distribution}'."),
            };
            given.Add($"{distribution} latents");
        }
        switch (trainer)
        {
            case DcganOptions dcgan:
                dcgan.GeneratorWidth = Given(options, "--g-width", dcgan.GeneratorWidth, given, "G width");
                dcgan.DiscriminatorWidth = Given(options, "--d-width", dcgan.DiscriminatorWidth, given, "D width");
                dcgan.DiscriminatorDropout = Given(options, "--d-dropout", dcgan.DiscriminatorDropout, given, "D dropout");
                if (options.Has(NoDiscriminatorBatchNormFlag))
                {
                    dcgan.DiscriminatorBatchNorm = false;
                    given.Add("D without batch norm");
                }
                break;
            case MlpGanOptions mlp:
                mlp.GeneratorWidth = Given(options, "--g-width", mlp.GeneratorWidth, given, "G width");
                mlp.DiscriminatorWidth = Given(options, "--d-width", mlp.DiscriminatorWidth, given, "D width");
                RejectDcganOnly(options);
                break;
            default:
                if (options.Has("--g-width") || options.Has("--d-width"))
                {
                    throw new ArgumentException("Options --g-width and --d-width are for the DCGAN and the MLP GAN.");
                }
                RejectDcganOnly(options);
                break;
        }
        return string.Join(", ", given);
    }

    private static void RejectDcganOnly(CommandLine options)
    {
        if (options.Has("--d-dropout") || options.Has(NoDiscriminatorBatchNormFlag))
        {
            throw new ArgumentException($"Options --d-dropout and {NoDiscriminatorBatchNormFlag} are for the DCGAN.");
        }
    }

    private static int Given(CommandLine options, string name, int value, List<string> given, string label)
    {
        var result = options.Number(name, value)!.Value;
        Note(options, name, result, given, label);
        return result;
    }

    private static double Given(CommandLine options, string name, double value, List<string> given, string label)
    {
        var result = options.Real(name, value);
        Note(options, name, result, given, label);
        return result;
    }

    private static void Note<T>(CommandLine options, string name, T value, List<string> given, string label)
    {
        if (options.Has(name))
        {
            given.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{label} {value}"));
        }
    }
}
