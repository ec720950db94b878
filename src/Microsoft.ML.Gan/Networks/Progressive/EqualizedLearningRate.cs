namespace Microsoft.ML.Gan.Networks.Progressive;

/// <summary>The He constant of the equalized learning rate (Karras et al. 2017, section 4.1).</summary>
internal static class EqualizedLearningRate
{
    /// <summary>The gain of layers followed by a LeakyReLU: √2.</summary>
    public const double Gain = 1.4142135623730951;

    /// <summary>gain / √<paramref name="fanIn"/>: the factor that gives every layer the variance of He's initialisation.</summary>
    public static double HeConstant(double gain, int fanIn) => gain / Math.Sqrt(fanIn);
}
