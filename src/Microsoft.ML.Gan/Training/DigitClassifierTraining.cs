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
/// Optionally self-trains on unlabelled images too (<see cref="DigitClassifierOptions.UnlabelledImages"/>).
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
    private readonly PixelBatchReader? _unlabelled;
    private readonly PseudoLabeller? _pseudoLabeller;
    // Kept alive for the whole run: a Scalar made on the fly can be finalised during the native call that uses it.
    private readonly Scalar _pixelScale = (1 / 127.5).ToScalar();
    private readonly Scalar _one = 1.ToScalar();

    /// <summary>The first epoch (0-based) that trains on pseudo-labels: the one before teaches the labelled images alone.</summary>
    public const int FirstSelfTrainingEpoch = 1;

    /// <summary>
    /// Prepares training of <paramref name="network"/> (already on <paramref name="device"/>) on the rows of
    /// <paramref name="reader"/>, each batch deformed at random with <paramref name="deformation"/> (0 for none); from
    /// epoch <see cref="FirstSelfTrainingEpoch"/> on, with the images of <paramref name="unlabelled"/> (if any) whose
    /// predicted class has a probability of <paramref name="pseudoLabelConfidence"/> or more.
    /// </summary>
    public DigitClassifierTraining(DigitClassifierNetwork network, PixelBatchReader reader, string labelColumnName, double learningRate,
        double deformation, Device device, PixelBatchReader? unlabelled, double pseudoLabelConfidence)
    {
        _unlabelled = unlabelled;
        _pseudoLabeller = unlabelled is null ? null : new PseudoLabeller(network.ClassCount, pseudoLabelConfidence, device);
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
        using var unlabelledBatches = _unlabelled?.ReadWithoutEnd(0, cancellationToken).GetEnumerator();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            double lossSum = 0;
            long correct = 0, images = 0, unlabelledImages = 0, pseudoLabelled = 0;
            var batches = 0;
            var selfTraining = unlabelledBatches is not null && epoch >= FirstSelfTrainingEpoch;
            foreach (var batch in _reader.ReadEpoch(epoch, cancellationToken))
            {
                PixelBatch? unlabelled = selfTraining && unlabelledBatches!.MoveNext() ? unlabelledBatches.Current : null;
                var (loss, batchCorrect, batchPseudoLabelled) = Step(batch, unlabelled);
                lossSum += loss;
                correct += batchCorrect;
                images += batch.Count;
                unlabelledImages += unlabelled?.Count ?? 0;
                pseudoLabelled += batchPseudoLabelled;
                batches++;
                cancellationToken.ThrowIfCancellationRequested();
            }
            var selfTrained = unlabelledImages > 0 ? $", pseudo-labelled {(double)pseudoLabelled / unlabelledImages:P1} of {unlabelledImages} unlabelled images" : "";
            log.Info(MessageSensitivity.None,
                $"Classifier epoch {epoch + 1}/{epochs}: loss {lossSum / batches:F4}, training accuracy {(double)correct / images:P2}{selfTrained}, {images / clock.Elapsed.TotalSeconds:F0} images/s");
        }
        _network.eval();
    }

    private (float Loss, long Correct, long PseudoLabelled) Step(PixelBatch batch, PixelBatch? unlabelled)
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
        _pseudoLabeller?.ObserveLabels(targets);
        _optimizer.zero_grad();
        var logits = _network.forward(Deformed(images));
        var loss = nn.functional.cross_entropy(logits, targets);
        var pseudoLabelled = 0L;
        if (unlabelled.HasValue)
        {
            var (pseudoLoss, confident) = PseudoLabelLoss(_unlabelled!.Images(unlabelled.Value).to(_device).mul_(_pixelScale).sub_(_one));
            loss = loss + pseudoLoss;
            pseudoLabelled = confident;
        }
        loss.backward();
        _optimizer.step();
        var correct = logits.argmax(1).eq(targets).sum().item<long>();
        return (loss.item<float>(), correct, pseudoLabelled);
    }

    /// <summary>
    /// FixMatch's unlabelled loss: the confident pseudo-labels of the undeformed <paramref name="images"/> become the
    /// targets of the deformed images; the cross-entropy is averaged over the whole batch, so that few confident images
    /// weigh little. Also returns how many were confident.
    /// </summary>
    private (Tensor Loss, long Confident) PseudoLabelLoss(Tensor images)
    {
        Tensor probabilities;
        using (no_grad())
        {
            probabilities = _network.forward(images).softmax(1);
        }
        var (pseudoLabels, confident) = _pseudoLabeller!.Assign(probabilities);
        var perImage = nn.functional.cross_entropy(_network.forward(Deformed(images)), pseudoLabels, reduction: nn.Reduction.None);
        return (perImage.mul(confident).mean(), confident.sum().item<long>());
    }

    private Tensor Deformed(Tensor images) => _deformation?.Apply(images) ?? images;

    /// <summary>Releases the optimiser, the pseudo-labeller and the kept scalars.</summary>
    public void Dispose()
    {
        _optimizer.Dispose();
        _pseudoLabeller?.Dispose();
        _pixelScale.Dispose();
        _one.Dispose();
    }
}
