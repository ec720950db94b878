using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// Spectral normalisation of one layer's weight (Miyato et al. 2018): the weight, seen as a matrix [out, rest], is
/// divided by σ, an estimate of its largest singular value. σ = uᵀWv with v = Wᵀu/‖Wᵀu‖ and u a kept unit vector (a
/// buffer, so checkpoints carry it); in training mode every call first moves u one power iteration towards the top
/// left singular vector. Gradients flow through W and σ, not through u, as in PyTorch.
/// </summary>
internal sealed class SpectralNorm : nn.Module
{
    private const string VectorName = "u";
    private const double Epsilon = 1e-12;

    /// <summary>Starts with a random unit u of <paramref name="outputs"/> values (torch's seeded generator).</summary>
    public SpectralNorm(long outputs) : base(nameof(SpectralNorm))
    {
        using var vector = randn(outputs);
        register_buffer(VectorName, functional.normalize(vector, 2, 0, Epsilon));
    }

    /// <summary>The kept estimate of the top left singular vector.</summary>
    public Tensor Vector => get_buffer(VectorName)!;

    /// <summary><paramref name="weight"/> / σ; in training mode after one power iteration on u.</summary>
    public Tensor Normalize(Tensor weight)
    {
        using var scope = NewDisposeScope();
        var matrix = weight.flatten(1);
        var u = Vector;
        Tensor v;
        using (no_grad())
        {
            if (training)
            {
                u.copy_(functional.normalize(matrix.mv(RightVector(matrix, u)), 2, 0, Epsilon));
            }
            v = RightVector(matrix, u);
        }
        // A copy: the next training call updates u in place, which would invalidate this call's autograd graph.
        var sigma = u.clone().dot(matrix.mv(v));
        return weight.div(sigma).MoveToOuterDisposeScope();
    }

    private static Tensor RightVector(Tensor matrix, Tensor u) => functional.normalize(matrix.t().mv(u), 2, 0, Epsilon);
}
