using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Reporting;
using Microsoft.ML.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// Drives a <see cref="DomainTransferModel"/> over the epochs of the source reader, cycling the target reader beside
/// it: one step per pair of batches, progress after every step and, at the end of every epoch, a log line, a
/// before/after grid, the history, the report and a checkpoint.
/// </summary>
internal sealed class DomainTransferTraining : IDisposable
{
    // Batches of each domain over which f's feature statistics are measured, when they are standardised per domain.
    private const int StatisticsBatches = 100;

    private readonly DomainTransferModel _model;
    private readonly PixelBatchReader _source;
    private readonly PixelBatchReader _target;
    private readonly DomainTransferSettings _settings;
    private readonly IChannel _log;
    private readonly Device _device;
    private readonly Tensor _samples;
    // Kept alive for the whole run: a Scalar made on the fly can be finalised during the native call that uses it.
    private readonly Scalar _pixelScale = (1 / 127.5).ToScalar();
    private readonly Scalar _one = 1.ToScalar();
    private TrainingHistory _history = new();
    private TrainingPosition _position;

    /// <summary>
    /// Prepares a run; <paramref name="samples"/> are the source images of the before/after grids ([N, C, H, W] in the
    /// target's channels, 0..255).
    /// </summary>
    public DomainTransferTraining(DomainTransferModel model, PixelBatchReader source, PixelBatchReader target, Tensor samples,
        DomainTransferSettings settings, IChannel log, Device device)
    {
        _model = model;
        _source = source;
        _target = target;
        _samples = samples;
        _settings = settings;
        _log = log;
        _device = device;
    }

    /// <summary>Trains to the last epoch (continuing from the checkpoint when asked) and returns the history.</summary>
    public TrainingHistory Run()
    {
        ResumeIfAsked();
        if (_settings.SmallestStandardisedDeviation is { } floor)
        {
            foreach (var encoder in _model.Encoders)
            {
                var (gain, gainedFrom) = encoder.Frozen.ShapeFeaturesFrom is { } shape ? (_settings.SourceShapeExaggeration, shape) : (1, 0);
                encoder.StandardisePerDomain(
                    FeatureStandardisation.Measure(encoder.Frozen, FirstBatches(_source), floor, "source data", gain, gainedFrom),
                    FeatureStandardisation.Measure(encoder.Frozen, FirstBatches(_target), floor, "target data"));
            }
        }
        var clock = Stopwatch.StartNew();
        var elapsedBefore = _history.Entries.Count > 0 ? _history.Entries[^1].ElapsedSeconds : 0;
        using var targets = _target.ReadWithoutEnd(_position.Epoch, _settings.CancellationToken).GetEnumerator();
        while (_position.Epoch < _settings.Epochs)
        {
            TrainEpoch(targets, elapsedBefore, clock);
            _position = _position with { Epoch = _position.Epoch + 1 };
            EndEpoch();
        }
        return _history;
    }

    private void TrainEpoch(IEnumerator<PixelBatch> targets, double elapsedBefore, Stopwatch clock)
    {
        var epochClock = Stopwatch.StartNew();
        var sums = new double[8];
        var batches = 0;
        var images = 0L;
        foreach (var batch in _source.ReadEpoch(_position.Epoch, _settings.CancellationToken))
        {
            targets.MoveNext();
            var losses = Step(batch, targets.Current);
            _position = _position with { Step = _position.Step + 1 };
            CheckFinite(losses);
            double[] values = [losses.GeneratorLoss, losses.DiscriminatorLoss, losses.RealScore, losses.SourceScore,
                losses.Adversarial, losses.Constancy, losses.Identity, losses.TotalVariation];
            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += values[i];
            }
            batches++;
            images += batch.Count;
            _settings.Progress?.Report(new GanTrainingProgress(_position.Epoch + 1, _settings.Epochs, _position.Step, batches,
                losses.GeneratorLoss, losses.DiscriminatorLoss, images / epochClock.Elapsed.TotalSeconds));
            _settings.CancellationToken.ThrowIfCancellationRequested();
        }
        if (batches == 0)
        {
            throw _source.NoCompleteBatch();
        }
        var mean = sums.Select(sum => (float)(sum / batches)).ToArray();
        var speed = images / epochClock.Elapsed.TotalSeconds;
        _history.Add(new TrainingHistoryEntry(_position.Epoch + 1, _position.Step, mean[0], mean[1], mean[2], mean[3], speed,
            elapsedBefore + clock.Elapsed.TotalSeconds));
        var remaining = TimeSpan.FromSeconds(epochClock.Elapsed.TotalSeconds * (_settings.Epochs - _position.Epoch - 1));
        _log.Info(MessageSensitivity.None, string.Create(CultureInfo.InvariantCulture,
            $"{_settings.Title} epoch {_position.Epoch + 1}/{_settings.Epochs}: step {_position.Step}, G loss {mean[0]:F3} (GANG {mean[4]:F3}, CONST {mean[5]:F4}, TID {mean[6]:F4}, TV {mean[7]:F4}), D loss {mean[1]:F3}, D(t) {mean[2]:F2}, D(G(s)) {mean[3]:F2}, {speed:F0} source images/s, ETA {remaining:hh\\:mm\\:ss}"));
    }

    /// <summary>The first epoch's first <see cref="StatisticsBatches"/> batches of <paramref name="reader"/>, on the device, in [-1, 1].</summary>
    private IEnumerable<Tensor> FirstBatches(PixelBatchReader reader) =>
        reader.ReadEpoch(0, _settings.CancellationToken).Take(StatisticsBatches).Select(batch => Normalised(batch, reader, batch.Count));

    private DomainTransferLosses Step(PixelBatch source, PixelBatch target)
    {
        var count = Math.Min(source.Count, target.Count);
        using var noGc = NoGcRegion.Enter();
        using var scope = NewDisposeScope();
        return _model.Step(Normalised(source, _source, count), Normalised(target, _target, count));
    }

    /// <summary>The first <paramref name="count"/> images of a batch, on the device, in [-1, 1].</summary>
    private Tensor Normalised(PixelBatch batch, PixelBatchReader reader, int count)
    {
        return reader.Images(batch).narrow(0, 0, count).to(_device).mul_(_pixelScale).sub_(_one);
    }

    private void CheckFinite(DomainTransferLosses losses)
    {
        if (float.IsFinite(losses.GeneratorLoss) && float.IsFinite(losses.DiscriminatorLoss))
        {
            return;
        }
        throw new InvalidOperationException(
            $"{_settings.Title} diverged at step {_position.Step} (epoch {_position.Epoch + 1}): generator loss {losses.GeneratorLoss}, discriminator loss {losses.DiscriminatorLoss}. The last epoch's checkpoint, if any, is kept; resume from it with a lower learning rate.");
    }

    private void EndEpoch()
    {
        if (_settings.TrainingDirectory is not { } directory)
        {
            return;
        }
        var epoch = _position.Epoch;
        SaveBeforeAfter(Path.Combine(directory, "samples", $"epoch-{epoch:D3}.png"));
        _history.SaveCsv(Path.Combine(directory, "history.csv"));
        var images = Enumerable.Range(1, epoch).Select(e => ($"Epoch {e}: source images, then G of them", $"samples/epoch-{e:D3}.png"))
            .Where(image => File.Exists(Path.Combine(directory, image.Item2))).ToList();
        TrainingReport.WriteHtml(Path.Combine(directory, "report.html"), _settings.Title, _history, images, Facts());
        using var noState = empty(0);
        GanCheckpoint.Save(CheckpointPath(directory), _settings.Identity, _model, _position, noState, _history);
    }

    /// <summary>
    /// Writes the grid of the sample source images and G of them: rows of up to eight sources, each followed by the
    /// row of their transfers.
    /// </summary>
    private void SaveBeforeAfter(string path)
    {
        const int columns = 8;
        using var scope = NewDisposeScope();
        var transferred = _model.Transfer(_samples.to(_device).mul(_pixelScale).sub(_one)).add(_one).div(_pixelScale).clamp(0, 255).cpu();
        var rows = new List<Tensor>();
        for (var start = 0L; start < _samples.shape[0]; start += columns)
        {
            var length = Math.Min(columns, _samples.shape[0] - start);
            rows.Add(_samples.narrow(0, start, length));
            rows.Add(transferred.narrow(0, start, length));
        }
        var shape = _model.Encoder.Frozen.Image;
        var pixels = cat(rows, 0).contiguous();
        ImageGrid.SavePng(pixels.data<float>().ToArray(), (int)pixels.shape[0], shape.Channels, shape.Height, shape.Width, path,
            columns: columns, scale: Math.Max(1, 64 / shape.Height));
    }

    private Dictionary<string, string> Facts()
    {
        var last = _history.Entries[^1];
        var facts = new Dictionary<string, string>
        {
            ["Model"] = _settings.Identity,
            ["Encoder f"] = _model.Encoder.Frozen.Description,
            ["Encoder of L_CONST"] = _model.ConstancyEncoder.Frozen.Description,
            ["Epochs"] = $"{last.Epoch} of {_settings.Epochs}",
            ["Steps"] = last.Step.ToString(CultureInfo.InvariantCulture),
            ["Batch size"] = _source.BatchSize.ToString(CultureInfo.InvariantCulture),
            ["Source images/s (last epoch)"] = last.ImagesPerSecond.ToString("F0", CultureInfo.InvariantCulture),
            ["Training time"] = TimeSpan.FromSeconds(last.ElapsedSeconds).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
            ["Seed"] = _settings.Seed.ToString(CultureInfo.InvariantCulture),
            ["Device"] = _device.ToString(),
            ["Torch threads"] = get_num_threads().ToString(CultureInfo.InvariantCulture),
            ["History columns"] = "RealScore: D's probability of 'real target' for real target images; FakeScore: the same for G(s)",
        };
        return facts;
    }

    private void ResumeIfAsked()
    {
        if (!_settings.Resume || _settings.TrainingDirectory is not { } directory || !File.Exists(CheckpointPath(directory)))
        {
            return;
        }
        var path = CheckpointPath(directory);
        var (position, noState, history) = GanCheckpoint.Load(path, _settings.Identity, _model);
        noState.Dispose();
        _position = position;
        _history = history;
        _log.Info(MessageSensitivity.None, $"{_settings.Title}: resuming from '{path}' at epoch {position.Epoch + 1}, step {position.Step}.");
    }

    private static string CheckpointPath(string directory) => Path.Combine(directory, "checkpoint", "training-state.bin");

    /// <summary>Releases the kept scalars.</summary>
    public void Dispose()
    {
        _pixelScale.Dispose();
        _one.Dispose();
    }
}
