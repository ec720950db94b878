using Microsoft.ML.Gan.Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Onnx;

/// <summary>
/// A DCGAN-shaped generator in miniature, latent [1, 8] to pixels [1, 1, 16, 16] in 0..255, with its own export:
/// the pattern the library's networks follow.
/// </summary>
internal sealed class TinyGenerator : nn.Module<Tensor, Tensor>
{
    public const int LatentSize = 8;
    public const int ImageSize = 16;

    private readonly ConvTranspose2d _up1 = nn.ConvTranspose2d(LatentSize, 8, 4, stride: 1, padding: 0, bias: false);
    private readonly BatchNorm2d _norm1 = nn.BatchNorm2d(8);
    private readonly ConvTranspose2d _up2 = nn.ConvTranspose2d(8, 4, 4, stride: 2, padding: 1, bias: false);
    private readonly BatchNorm2d _norm2 = nn.BatchNorm2d(4);
    private readonly ConvTranspose2d _up3 = nn.ConvTranspose2d(4, 1, 4, stride: 2, padding: 1);

    public TinyGenerator() : base(nameof(TinyGenerator)) => RegisterComponents();

    public override Tensor forward(Tensor latent)
    {
        using var scope = NewDisposeScope();
        Tensor x = latent.reshape(-1, LatentSize, 1, 1);
        x = nn.functional.relu(_norm1.forward(_up1.forward(x)));
        x = nn.functional.relu(_norm2.forward(_up2.forward(x)));
        x = tanh(_up3.forward(x));
        return (x * 127.5 + 127.5).clamp(0, 255).MoveToOuterDisposeScope();
    }

    /// <summary>Adds the eval-mode forward pass to a graph.</summary>
    public string Export(OnnxGraphBuilder builder, string latent)
    {
        string x = builder.Reshape(latent, 1, LatentSize, 1, 1);
        x = builder.Relu(builder.BatchNorm2d(builder.ConvTranspose2d(x, _up1), _norm1));
        x = builder.Relu(builder.BatchNorm2d(builder.ConvTranspose2d(x, _up2), _norm2));
        x = builder.Tanh(builder.ConvTranspose2d(x, _up3));
        return builder.Clip(builder.Affine(x, 127.5f, 127.5f), 0, 255);
    }

    /// <summary>Gives the batch norms non-trivial running statistics by running a few batches in train mode.</summary>
    public void WarmUpStatistics()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        train();
        for (int i = 0; i < 5; i++)
            forward(randn(16, LatentSize) * 2 + 0.5);
        eval();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _up1.Dispose();
            _norm1.Dispose();
            _up2.Dispose();
            _norm2.Dispose();
            _up3.Dispose();
        }
        base.Dispose(disposing);
    }
}
