namespace Microsoft.ML.Gan;

/// <summary>
/// How well a Domain Transfer Network keeps f's view of its input (the paper's f-constancy): the mean relative distance
/// ‖f(s) − f(x)‖ / ‖f(s)‖ over the source images s, for x = G(s) and, as baselines, for x the transfer of another
/// random source image and for x a random target image. A transfer that keeps identity scores well below its baselines.
/// </summary>
/// <param name="Transferred">Mean ‖f(s) − f(G(s))‖ / ‖f(s)‖.</param>
/// <param name="RandomSource">Mean ‖f(s) − f(G(s′))‖ / ‖f(s)‖, s′ a random other source image.</param>
/// <param name="RandomTarget">Mean ‖f(s) − f(t)‖ / ‖f(s)‖, t a random target image; null when no target images were given.</param>
/// <param name="Count">The number of source images measured (those with f(s) ≠ 0).</param>
public sealed record DomainTransferConstancy(double Transferred, double RandomSource, double? RandomTarget, int Count);
