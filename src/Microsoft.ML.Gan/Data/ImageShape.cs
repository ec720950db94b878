namespace Microsoft.ML.Gan.Data;

/// <summary>The shape of one image as the library stores it: planar channels × height × width.</summary>
/// <param name="Channels">Number of colour planes (1 for grey, 3 for RGB).</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Width">Width in pixels.</param>
public sealed record ImageShape(int Channels, int Height, int Width)
{
    /// <summary>Number of values of one image: <see cref="Channels"/> × <see cref="Height"/> × <see cref="Width"/>.</summary>
    public int Size => Channels * Height * Width;

    /// <inheritdoc/>
    public override string ToString() => $"{Channels}×{Height}×{Width}";
}
