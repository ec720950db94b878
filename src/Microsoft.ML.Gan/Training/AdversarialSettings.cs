namespace Microsoft.ML.Gan.Training;

/// <summary>How an <see cref="AdversarialModel"/> optimises its networks.</summary>
/// <param name="GeneratorLearningRate">Adam learning rate of the generator.</param>
/// <param name="DiscriminatorLearningRate">Adam learning rate of the discriminator.</param>
/// <param name="Beta1">Adam β1 of both networks.</param>
/// <param name="Beta2">Adam β2 of both networks.</param>
/// <param name="Loss">The adversarial loss.</param>
/// <param name="GradientPenaltyWeight">λ of the Wasserstein loss's gradient penalty.</param>
/// <param name="DriftWeight">Weight of the Wasserstein loss's drift term E[D(x)²].</param>
/// <param name="CriticSteps">Discriminator steps per generator step.</param>
/// <param name="GeneratorAverageDecay">Decay of the generator's weight average; 0 for none.</param>
/// <param name="DiscriminatorAverageDecay">Decay of the discriminator's weight average; 0 for none.</param>
/// <param name="DiscriminatorTranslation">Largest random shift, in pixels, of every image the discriminator sees; 0 for none.</param>
/// <param name="FeatureMatching">Whether the generator matches the mean of the discriminator's last hidden layer instead of the loss's generator term.</param>
/// <param name="Seed">Seed of the model's own random draws (the gradient penalty's interpolation).</param>
internal sealed record AdversarialSettings(double GeneratorLearningRate, double DiscriminatorLearningRate, double Beta1,
    double Beta2, GanLoss Loss, double GradientPenaltyWeight, double DriftWeight, int CriticSteps, double GeneratorAverageDecay, double DiscriminatorAverageDecay, int DiscriminatorTranslation, bool FeatureMatching, int Seed)
{
    /// <summary>The settings <paramref name="options"/> ask for, with <paramref name="seed"/> resolved.</summary>
    public static AdversarialSettings From(GanTrainerOptions options, int seed) => new(options.GeneratorLearningRate,
        options.DiscriminatorLearningRate, options.Beta1, options.Beta2, options.Loss, options.GradientPenaltyWeight,
        options.WassersteinDriftWeight, options.CriticSteps, options.GeneratorAverageDecay, options.DiscriminatorAverageDecay, options.DiscriminatorTranslation, options.GeneratorFeatureMatching, seed);

    /// <summary>The settings of the options' defaults.</summary>
    public static AdversarialSettings Defaults(int seed) => new(GanTrainerOptions.Defaults.LearningRate,
        GanTrainerOptions.Defaults.LearningRate, GanTrainerOptions.Defaults.Beta1, GanTrainerOptions.Defaults.Beta2,
        GanTrainerOptions.Defaults.Loss, GanTrainerOptions.Defaults.GradientPenaltyWeight, GanTrainerOptions.Defaults.WassersteinDriftWeight, GanTrainerOptions.Defaults.CriticSteps,
        GanTrainerOptions.Defaults.GeneratorAverageDecay, DiscriminatorAverageDecay: 0, DiscriminatorTranslation: 0, FeatureMatching: false, seed);
}
