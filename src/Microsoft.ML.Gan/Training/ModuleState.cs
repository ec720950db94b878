using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>Copies the state of one network into another of the same layout.</summary>
internal static class ModuleState
{
    /// <summary>Copies every parameter and buffer (batch-norm statistics, spectral-norm vectors) of <paramref name="source"/> into <paramref name="target"/>.</summary>
    public static void Copy(nn.Module source, nn.Module target)
    {
        using var noGrad = no_grad();
        IEnumerable<Tensor> targets = target.parameters(), sources = source.parameters();
        foreach (var (to, from) in targets.Concat(target.buffers()).Zip(sources.Concat(source.buffers())))
        {
            to.copy_(from);
        }
    }
}
