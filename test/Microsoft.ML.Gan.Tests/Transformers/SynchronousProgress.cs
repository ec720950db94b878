namespace Microsoft.ML.Gan.Tests.Transformers;

/// <summary>Reports on the training thread (Progress&lt;T&gt; would post them to the thread pool).</summary>
internal sealed class SynchronousProgress(Action<GanTrainingProgress>? onReport = null) : IProgress<GanTrainingProgress>
{
    public List<GanTrainingProgress> Reports { get; } = [];

    public void Report(GanTrainingProgress value)
    {
        Reports.Add(value);
        onReport?.Invoke(value);
    }
}
