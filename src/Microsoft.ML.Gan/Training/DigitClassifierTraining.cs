using System.Diagnostics;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// Trains a <see cref="DigitClassifierNetwork"/> with Adam and the cross-entropy loss. The reader gives labelled rows as
/// one vector each, the image's pixels followed by its label, so shuffling and read-ahead are the GAN trainers' own.
/// </summary>
internal sealed class DigitClassifierTraining : IDisposable
{
    private readonly DigitClassifierNetwork _network;
    private readonly PixelBatchReader _reader;
    private readonly ImageShape _image;
    private readonly string _labelColumnName;
    private readonly Device _device;
    private readonly TorchSharp.Modules.Adam _optimizer;
    private readonly RandomDeformation? _deformation;
    // Kept alive for the whole run: a Scalar made on the fly can be finalised during the native call that uses it.
    private readonly Scalar _pixelScale = (1 / 127.5).ToScalar();
    private readonly Scalar _one = 1.ToScalar();

    /// <summary>
    /// Prepares training of <paramref name="network"/> (already on <paramref name="device"/>) on the rows of
    /// <paramref name="reader"/>, each batch deformed at random with <paramref name="deformation"/> (0 for none).
    /// </summary>
    public DigitClassifierTraining(DigitClassifierNetwork network, PixelBatchReader reader, string labelColumnName, double learningRate,
        double deformation, Device device)
    {
        _deformation = deformation > 0 ? new RandomDeformation(deformation) : null;
        _network = network;
        _reader = reader;
        _image = network.Image;
        _labelColumnName = labelColumnName;
        _device = device;
        _optimizer = optim.Adam(network.parameters(), learningRate);
    }

    /// <summary>Trains for <paramref name="epochs"/> passes, logging the loss, training accuracy and speed of each.</summary>
    public void Run(int epochs, IChannel log, CancellationToken cancellationToken)
    {
        _network.train();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            double lossSum = 0;
            long correct = 0, images = 0;
            var batches = 0;
            foreach (var batch in _reader.ReadEpoch(epoch, cancellationToken))
            {
                var (loss, batchCorrect) = Step(batch);
                lossSum += loss;
                correct += batchCorrect;
                images += batch.Count;
                batches++;
                cancellationToken.ThrowIfCancellationRequested();
            }
            log.Info(MessageSensitivity.None,
                $"Digit classifier epoch {epoch + 1}/{epochs}: loss {lossSum / batches:F4}, training accuracy {(double)correct / images:P2}, {images / clock.Elapsed.TotalSeconds:F0} images/s");
        }
        _network.eval();
    }

    private (float Loss, long Correct) Step(PixelBatch batch)
    {
        var rowSize = _image.Size + 1;
        var labels = new long[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            labels[i] = LabelColumn.ClassIndex(batch.Pixels[(i * rowSize) + _image.Size], _network.ClassCount, _labelColumnName);
        }
        using var noGc = NoGcRegion.Enter();
        using var scope = NewDisposeScope();
        var images = tensor(batch.Pixels, [_reader.BatchSize, rowSize]).narrow(0, 0, batch.Count).narrow(1, 0, _image.Size)
            .reshape(batch.Count, _image.Channels, _image.Height, _image.Width).to(_device).mul_(_pixelScale).sub_(_one);
        var targets = tensor(labels).to(_device);
        _optimizer.zero_grad();
        var logits = _network.forward(_deformation?.Apply(images) ?? images);
        var loss = nn.functional.cross_entropy(logits, targets);
        loss.backward();
        _optimizer.step();
        var correct = logits.argmax(1).eq(targets).sum().item<long>();
        return (loss.item<float>(), correct);
    }

    /// <summary>Releases the optimiser and the kept scalars.</summary>
    public void Dispose()
    {
        _optimizer.Dispose();
        _pixelScale.Dispose();
        _one.Dispose();
    }
}
