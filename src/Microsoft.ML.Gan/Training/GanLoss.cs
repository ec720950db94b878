namespace Microsoft.ML.Gan;

/// <summary>The adversarial objective both networks are trained with.</summary>
public enum GanLoss
{
    /// <summary>
    /// Binary cross-entropy for the discriminator; the generator maximises log D(G(z)) (Goodfellow et al. 2014, the
    /// variant the paper recommends in practice, and DCGAN's).
    /// </summary>
    NonSaturating,

    /// <summary>The original minimax game: the generator minimises log(1 − D(G(z))), which saturates early in training.</summary>
    Minimax,

    /// <summary>Least squares on the discriminator's raw output, real 1 and fake 0 (Mao et al. 2017, LSGAN).</summary>
    LeastSquares,

    /// <summary>Hinge loss for the discriminator, −D(G(z)) for the generator (Lim and Ye 2017; SAGAN, BigGAN).</summary>
    Hinge,

    /// <summary>
    /// Wasserstein loss with a gradient penalty on interpolated images (Gulrajani et al. 2017, WGAN-GP); see
    /// <see cref="GanTrainerOptions.GradientPenaltyWeight"/> and <see cref="GanTrainerOptions.CriticSteps"/>.
    /// </summary>
    Wasserstein,
}
