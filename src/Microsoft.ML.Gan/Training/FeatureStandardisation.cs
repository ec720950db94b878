using Microsoft.ML.Gan.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// Standardises each of an encoder's features by one domain's statistics: (f(x) − μ) / σ, μ and σ measured over that
/// domain's images. Per-domain statistics line up the two domains' feature distributions, as batch norm in training
/// mode does when every batch comes from one domain (AdaBN; Li et al. 2016). Held as a frozen diagonal linear layer,
/// so the ONNX export writes it as any other linear layer.
/// </summary>
internal sealed class FeatureStandardisation : IDisposable
{
    private readonly Linear _affine;

    private FeatureStandardisation(Linear affine) => _affine = affine;

    /// <summary>
    /// Measures μ and σ of <paramref name="encoder"/>'s features over <paramref name="images"/> (batches [N, C, H, W] in
    /// [-1, 1]; each is disposed once read), one batch at a time, so memory stays that of a batch. A σ below
    /// <paramref name="smallestRelativeDeviation"/> of the mean σ (a feature that hardly varies in the domain, such as a
    /// ReLU unit that never fires) is raised to it, so that such a feature is not blown up when another domain's images move it.
    /// The standardised features from index <paramref name="gainedFrom"/> on are multiplied by <paramref name="gain"/>:
    /// above 1 it exaggerates each image's departure from the domain's mean in those features.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="images"/> holds fewer than two images.</exception>
    public static FeatureStandardisation Measure(FrozenEncoder encoder, IEnumerable<Tensor> images, double smallestRelativeDeviation, string domainName,
        double gain = 1, int gainedFrom = 0)
    {
        using var noGrad = no_grad();
        Tensor? sum = null, squares = null;
        var count = 0L;
        foreach (var batch in images)
        {
            using var scope = NewDisposeScope();
            using var read = batch;
            var features = encoder.Encode(batch).to(float64);
            var batchSum = features.sum(dim: 0L);
            var batchSquares = features.square().sum(dim: 0L);
            sum = sum is null ? batchSum.MoveToOuterDisposeScope() : sum.add_(batchSum);
            squares = squares is null ? batchSquares.MoveToOuterDisposeScope() : squares.add_(batchSquares);
            count += batch.shape[0];
        }
        if (sum is null || squares is null || count < 2)
        {
            throw new ArgumentException($"Standardising the encoder's features needs at least two images of the {domainName}; found {count}.");
        }
        using (sum)
        using (squares)
        {
            using var mean = sum.div(count);
            using var deviation = squares.div(count).sub_(mean.square()).clamp_min_(0).sqrt_();
            using var floor = deviation.mean().mul_(smallestRelativeDeviation);
            using var scale = deviation.maximum(floor).reciprocal_();
            scale.narrow(0, gainedFrom, encoder.FeatureCount - gainedFrom).mul_(gain);
            var affine = nn.Linear(encoder.FeatureCount, encoder.FeatureCount);
            affine.weight!.set_(diag(scale).to(float32).to(sum.device));
            affine.bias!.set_(mean.mul(scale).neg_().to(float32).to(sum.device));
            affine.eval();
            foreach (var parameter in affine.parameters())
            {
                parameter.requires_grad = false;
            }
            return new FeatureStandardisation(affine);
        }
    }

    /// <summary>The standardised features, [N, F], of features [N, F].</summary>
    public Tensor Apply(Tensor features) => _affine.forward(features);

    /// <summary>Appends the standardisation to <paramref name="graph"/> after tensor <paramref name="features"/>; returns the output's name.</summary>
    public string Export(OnnxGraphBuilder graph, string features) => graph.Linear(features, _affine);

    /// <summary>Releases the layer.</summary>
    public void Dispose() => _affine.Dispose();
}
