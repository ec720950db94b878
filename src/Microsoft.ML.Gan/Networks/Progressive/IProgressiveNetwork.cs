namespace Microsoft.ML.Gan.Networks.Progressive;

/// <summary>A network that grows: it computes at one level, fading the newest block in with α.</summary>
internal interface IProgressiveNetwork
{
    /// <summary>The level the network computes at (0 is 4×4).</summary>
    int Level { get; }

    /// <summary>The weight of the newest block, 0..1; at 1 the lower level's path is gone.</summary>
    double Alpha { get; }

    /// <summary>Sets the level and α of the following forward passes.</summary>
    void Grow(int level, double alpha);
}
