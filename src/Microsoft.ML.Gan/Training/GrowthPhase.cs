namespace Microsoft.ML.Gan.Training;

/// <summary>Where a progressive run is: its phase, the level the networks compute at and the newest block's α.</summary>
/// <param name="Index">The phase, 0-based: 0 stabilises level 0; 2ℓ − 1 fades level ℓ in; 2ℓ stabilises it.</param>
/// <param name="Level">The level (0 is 4×4).</param>
/// <param name="Alpha">The newest block's weight, rising linearly from 0 to 1 during a fade; 1 while stabilising.</param>
internal readonly record struct GrowthPhase(int Index, int Level, double Alpha)
{
    /// <summary>Phase <paramref name="index"/> as it starts: α 0 for a fade, 1 for a stabilisation.</summary>
    public static GrowthPhase Starting(int index) => new(index, (index + 1) / 2, index % 2 == 1 ? 0 : 1);

    /// <summary>Whether the phase fades a new level in.</summary>
    public bool Fading => Index % 2 == 1;

    /// <summary>A name for files and reports, e.g. <c>level-2-16x16-fade</c>.</summary>
    public string Name => $"level-{Level}-{4 << Level}x{4 << Level}-{(Fading ? "fade" : "stable")}";
}
