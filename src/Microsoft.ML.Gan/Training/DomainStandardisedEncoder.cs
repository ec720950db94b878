using Microsoft.ML.Gan.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// The encoder f for one domain's images with each of its activations standardised by that domain's statistics: a
/// frozen batch norm (no scale or shift of its own) after every activation layer and after the last layer, holding the
/// mean and variance of each channel over the domain's images. Per-domain statistics line up the two domains'
/// activations layer after layer, as batch norm in training mode does when every batch comes from one domain (AdaBN;
/// Li et al. 2016). f's own layers are shared, not copied; the ONNX export writes the norms as any other batch norm.
/// </summary>
internal sealed class DomainStandardisedEncoder : IDisposable
{
    // σ below this fraction of the layer's mean σ (channels that hardly vary in the domain, such as ReLU units that
    // never fire) is raised to it, so that such channels are not blown up when another domain's images move them.
    private const double SmallestRelativeDeviation = 0.01;

    private readonly List<nn.Module> _layers = [];
    private readonly List<nn.Module> _norms = [];

    private DomainStandardisedEncoder()
    {
    }

    /// <summary>
    /// Measures, layer after layer, the statistics of <paramref name="encoder"/>'s activations over
    /// <paramref name="images"/> (batches [N, C, H, W] in [-1, 1], enumerated once per standardised layer, each batch
    /// disposed once read), each layer's with the earlier ones already standardised; memory stays that of a batch.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="images"/> holds fewer than two images.</exception>
    public static DomainStandardisedEncoder Measure(FrozenEncoder encoder, IEnumerable<Tensor> images, string domainName)
    {
        var result = new DomainStandardisedEncoder();
        var layers = encoder.Layers.children().ToList();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var device = encoder.Layers.parameters().FirstOrDefault()?.device ?? CPU;
        var probe = zeros(1, encoder.Image.Channels, encoder.Image.Height, encoder.Image.Width, device: device);
        for (var i = 0; i < layers.Count; i++)
        {
            result._layers.Add(layers[i]);
            probe = ((nn.Module<Tensor, Tensor>)layers[i]).forward(probe);
            if (i == layers.Count - 1 || layers[i] is ReLU or LeakyReLU or Tanh or Sigmoid)
            {
                var norm = result.MeasureNorm(probe.dim(), probe.shape[1], images, domainName, device);
                result._layers.Add(norm);
                result._norms.Add(norm);
            }
        }
        return result;
    }

    /// <summary>A frozen batch norm holding the per-channel mean and variance of the current layers' output over <paramref name="images"/>.</summary>
    private nn.Module MeasureNorm(long rank, long channels, IEnumerable<Tensor> images, string domainName, Device device)
    {
        Tensor? sum = null, squares = null;
        var count = 0L;
        var imageCount = 0L;
        foreach (var batch in images)
        {
            using var batchScope = NewDisposeScope();
            using var read = batch;
            var activations = Encode(batch).to(float64);
            var perChannel = rank == 4 ? activations.transpose(0, 1).flatten(1) : activations.t();
            var batchSum = perChannel.sum(dim: 1L);
            var batchSquares = perChannel.square().sum(dim: 1L);
            sum = sum is null ? batchSum.MoveToOuterDisposeScope() : sum.add_(batchSum);
            squares = squares is null ? batchSquares.MoveToOuterDisposeScope() : squares.add_(batchSquares);
            count += perChannel.shape[1];
            imageCount += batch.shape[0];
        }
        if (sum is null || squares is null || imageCount < 2)
        {
            throw new ArgumentException($"Standardising the encoder's features needs at least two images of the {domainName}; found {imageCount}.");
        }
        var mean = sum.div(count);
        var variance = squares.div(count).sub_(mean.square()).clamp_min_(0);
        var floor = variance.sqrt().mean().mul_(SmallestRelativeDeviation).square();
        nn.Module norm = rank == 4 ? nn.BatchNorm2d(channels, eps: 0, affine: false) : nn.BatchNorm1d(channels, eps: 0, affine: false);
        var running = (BatchNorm)norm;
        running.running_mean!.copy_(mean.to(float32));
        running.running_var!.copy_(variance.maximum(floor).to(float32));
        norm.to(device);
        norm.eval();
        return norm;
    }

    /// <summary>f of images [N, C, H, W] in [-1, 1], each activation standardised: [N, features].</summary>
    public Tensor Encode(Tensor images) => _layers.Aggregate(images, (x, layer) => ((nn.Module<Tensor, Tensor>)layer).forward(x));

    /// <summary>Appends the standardised f to <paramref name="graph"/> after tensor <paramref name="images"/>; returns the features' name.</summary>
    public string Export(OnnxGraphBuilder graph, string images) =>
        _layers.Aggregate(images, (x, layer) => SequentialOnnxExport.AppendLayer(graph, layer, x));

    /// <summary>Releases the norms (f's own layers belong to f).</summary>
    public void Dispose()
    {
        foreach (var norm in _norms)
        {
            norm.Dispose();
        }
    }
}
