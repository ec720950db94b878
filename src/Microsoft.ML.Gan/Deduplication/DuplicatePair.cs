namespace Microsoft.ML.Gan;

/// <summary>Two rows known to show the same image: an original and a near-copy of it.</summary>
/// <param name="Original">Row index of the original, 0-based.</param>
/// <param name="Copy">Row index of the copy, 0-based.</param>
public readonly record struct DuplicatePair(int Original, int Copy);
