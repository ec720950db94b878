namespace Microsoft.ML.Gan.Data;

/// <summary>
/// The shape of one image held as a planar <c>Pixels</c> vector: <see cref="Channels"/> planes of
/// <see cref="Height"/> rows of <see cref="Width"/> values each (C×H×W).
/// </summary>
/// <param name="Channels">Number of colour planes: 1 for grey, 3 for RGB, 4 for ARGB.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Width">Image width in pixels.</param>
public sealed record ImageShape(int Channels, int Height, int Width)
{
    /// <summary>Number of colour planes: 1 for grey, 3 for RGB, 4 for ARGB.</summary>
    public int Channels { get; } = Channels > 0 ? Channels : throw new ArgumentOutOfRangeException(nameof(Channels), Channels, "Channels must be positive.");

    /// <summary>Image height in pixels.</summary>
    public int Height { get; } = Height > 0 ? Height : throw new ArgumentOutOfRangeException(nameof(Height), Height, "Height must be positive.");

    /// <summary>Image width in pixels.</summary>
    public int Width { get; } = Width > 0 ? Width : throw new ArgumentOutOfRangeException(nameof(Width), Width, "Width must be positive.");

    /// <summary>Number of values in one image: C×H×W.</summary>
    public int Size => checked(Channels * Height * Width);

    /// <summary>Formats the shape as C×H×W, for example <c>1×28×28</c>.</summary>
    /// <returns>The shape as text.</returns>
    public override string ToString() => $"{Channels}×{Height}×{Width}";
}
