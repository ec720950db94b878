namespace Microsoft.ML.Gan.Samples;

/// <summary>
/// Shows training progress on the console: a status line rewritten in place on a terminal, a line every
/// <see cref="LineEvery"/> steps when the output is redirected (CI logs).
/// </summary>
internal sealed class ConsoleProgress : IProgress<GanTrainingProgress>
{
    private const int LineEvery = 100;

    /// <inheritdoc/>
    public void Report(GanTrainingProgress value)
    {
        // With --minutes and no --epochs the epoch count is unbounded, and with growth the schedule ends training: show
        // the epoch alone, and the growth phase and images shown of the schedule's total.
        var epochs = value.Epochs == int.MaxValue || value.Growth is not null ? "" : $"/{value.Epochs}";
        var growth = value.Growth is { } g ? $"  {g.Phase} α {g.Alpha:F2}  {g.ImagesShown:N0}/{g.TotalImages:N0} images" : "";
        var text = $"epoch {value.Epoch}{epochs}{growth}  step {value.Step}  G {value.GeneratorLoss:F3}  D {value.DiscriminatorLoss:F3}  {value.ImagesPerSecond:F0} images/s";
        if (!Console.IsOutputRedirected)
        {
            Console.Write("\r" + text.PadRight(Math.Max(text.Length, Console.WindowWidth - 1)));
        }
        else if (value.Step % LineEvery == 0)
        {
            Console.WriteLine(text);
        }
    }
}
