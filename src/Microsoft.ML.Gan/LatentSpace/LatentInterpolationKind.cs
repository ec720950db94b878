namespace Microsoft.ML.Gan;

/// <summary>How <see cref="LatentInterpolation"/> moves between two latent points.</summary>
public enum LatentInterpolationKind
{
    /// <summary>A straight line: (1 − t)·a + t·b. Its middle is shorter than a typical Gaussian latent.</summary>
    Linear,

    /// <summary>
    /// A great-circle arc (slerp): the angle between a and b is divided evenly and the norm moves from |a| to |b| along
    /// the arc, so the path stays where a Gaussian latent's mass is.
    /// </summary>
    Spherical,
}
