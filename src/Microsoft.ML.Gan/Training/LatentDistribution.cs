namespace Microsoft.ML.Gan;

/// <summary>The distribution latent vectors are drawn from, in training and by <see cref="LatentVectors"/>.</summary>
public enum LatentDistribution
{
    /// <summary>Standard normal, N(0, 1) in every dimension (DCGAN).</summary>
    Normal,

    /// <summary>Uniform on [−1, 1] in every dimension (the original GAN's code).</summary>
    Uniform,
}
