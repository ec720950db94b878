using System.Diagnostics;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Training;
using Microsoft.ML.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Deduplication;

/// <summary>
/// Trains a <see cref="DenoisingAutoencoder"/> with Adam to reconstruct each clean centre crop from a copy with
/// Gaussian noise added (mean squared error), dropout acting on the code.
/// </summary>
internal sealed class AutoencoderTraining : IDisposable
{
    private readonly DenoisingAutoencoder _network;
    private readonly PixelBatchReader _reader;
    private readonly Device _device;
    private readonly TorchSharp.Modules.Adam _optimizer;
    // Kept alive for the whole run: a Scalar made on the fly can be finalised during the native call that uses it.
    private readonly Scalar _noise;

    /// <summary>Prepares training of <paramref name="network"/> (already on <paramref name="device"/>) on the images of <paramref name="reader"/>.</summary>
    public AutoencoderTraining(DenoisingAutoencoder network, PixelBatchReader reader, double learningRate, double inputNoise, Device device)
    {
        _network = network;
        _reader = reader;
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
                $"Deduplication autoencoder epoch {epoch + 1}/{epochs}: reconstruction loss {lossSum / batches:F5}, {images / clock.Elapsed.TotalSeconds:F0} images/s");
        }
        _network.eval();
    }

    private float Step(PixelBatch batch)
    {
        using var noGc = NoGcRegion.Enter();
        using var scope = NewDisposeScope();
        var clean = CentreCrop.Prepare(_reader.Images(batch).to(_device));
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
