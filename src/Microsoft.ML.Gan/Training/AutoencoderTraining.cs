using System.Diagnostics;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// Trains an autoencoder with Adam to reconstruct each clean image from a copy with Gaussian noise added (mean squared
/// error). The images are the reader's batches as prepared by the caller; the network maps them to reconstructions.
/// </summary>
internal sealed class AutoencoderTraining : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _network;
    private readonly PixelBatchReader _reader;
    private readonly Func<Tensor, Tensor> _prepare;
    private readonly string _name;
    private readonly Device _device;
    private readonly TorchSharp.Modules.Adam _optimizer;
    // Kept alive for the whole run: a Scalar made on the fly can be finalised during the native call that uses it.
    private readonly Scalar _noise;

    /// <summary>
    /// Prepares training of <paramref name="network"/> (already on <paramref name="device"/>, called
    /// <paramref name="name"/> in the log) on the images of <paramref name="reader"/>, each batch (0..255, on the
    /// device) turned into the network's input by <paramref name="prepare"/>.
    /// </summary>
    public AutoencoderTraining(nn.Module<Tensor, Tensor> network, string name, PixelBatchReader reader, Func<Tensor, Tensor> prepare,
        double learningRate, double inputNoise, Device device)
    {
        _network = network;
        _name = name;
        _reader = reader;
        _prepare = prepare;
        _device = device;
        _optimizer = optim.Adam(network.parameters(), learningRate);
        _noise = inputNoise.ToScalar();
    }

    /// <summary>Trains for <paramref name="epochs"/> passes, logging the reconstruction loss and speed of each; leaves the network in eval mode.</summary>
    public void Run(int epochs, IChannel log, CancellationToken cancellationToken)
    {
        _network.train();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            double lossSum = 0;
            long images = 0;
            var batches = 0;
            foreach (var batch in _reader.ReadEpoch(epoch, cancellationToken))
            {
                lossSum += Step(batch);
                images += batch.Count;
                batches++;
                cancellationToken.ThrowIfCancellationRequested();
            }
            log.Info(MessageSensitivity.None,
                $"{_name} epoch {epoch + 1}/{epochs}: reconstruction loss {lossSum / batches:F5}, {images / clock.Elapsed.TotalSeconds:F0} images/s");
        }
        _network.eval();
    }

    private float Step(PixelBatch batch)
    {
        using var noGc = NoGcRegion.Enter();
        using var scope = NewDisposeScope();
        var clean = _prepare(_reader.Images(batch).to(_device));
        var noisy = clean.add(randn_like(clean).mul_(_noise));
        _optimizer.zero_grad();
        var loss = nn.functional.mse_loss(_network.forward(noisy), clean);
        loss.backward();
        _optimizer.step();
        return loss.item<float>();
    }

    /// <summary>Releases the optimiser and the kept scalar.</summary>
    public void Dispose()
    {
        _optimizer.Dispose();
        _noise.Dispose();
    }
}
