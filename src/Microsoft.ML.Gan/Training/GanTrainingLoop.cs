using System.Diagnostics;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Reporting;
using Microsoft.ML.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// Drives an <see cref="IAdversarialModel"/> over the epochs of a <see cref="PixelBatchReader"/>: one step a batch,
/// progress after every step, and at the end of every epoch a log line, a sample grid, the history, the report and
/// a checkpoint. Cancellation and divergence stop it with the last good checkpoint on disk.
/// </summary>
internal sealed class GanTrainingLoop : IDisposable
{
    private readonly IAdversarialModel _model;
    private readonly PixelBatchReader _reader;
    private readonly GanTrainingSettings _settings;
    private readonly IChannel _log;
    private readonly Device _device;
    private readonly string _architecture;
    private readonly torch.Generator _latentGenerator;
    private readonly Tensor _sampleLatents;
    // Kept alive for the whole run: a Scalar made on the fly can be finalised during the native call that uses it.
    private readonly Scalar _pixelScale = (1 / 127.5).ToScalar();
    private readonly Scalar _one = 1.ToScalar();
    private TrainingHistory _history = new();
    private TrainingPosition _position;

    /// <summary>Prepares a run; <paramref name="architecture"/> identifies the networks in checkpoints.</summary>
    public GanTrainingLoop(IAdversarialModel model, PixelBatchReader reader, GanTrainingSettings settings, IChannel log,
        Device device, string architecture)
    {
        _model = model;
        _reader = reader;
        _settings = settings;
        _log = log;
        _device = device;
        _architecture = architecture;
        _latentGenerator = new torch.Generator((ulong)settings.Seed);
        _sampleLatents = tensor(LatentVectors.Sample(model.LatentSize, settings.SampleCount, settings.Seed),
            [settings.SampleCount, model.LatentSize]);
    }

    /// <summary>Trains to the last epoch (continuing from the checkpoint when asked) and returns the history.</summary>
    public TrainingHistory Run()
    {
        ResumeIfAsked();
        var clock = Stopwatch.StartNew();
        var elapsedBefore = _history.Entries.Count > 0 ? _history.Entries[^1].ElapsedSeconds : 0;
        try
        {
            while (_position.Epoch < _settings.Epochs)
            {
                TrainEpoch(elapsedBefore, clock);
                _position = _position with { Epoch = _position.Epoch + 1, BatchesInEpoch = 0 };
                EndEpoch();
            }
        }
        catch (OperationCanceledException) when (_settings.CancellationToken.IsCancellationRequested)
        {
            SaveCheckpoint();
            _log.Info(MessageSensitivity.None, $"{_settings.Title}: cancelled at step {_position.Step}; checkpoint written.");
            throw;
        }
        _history.DataWaitSeconds = _reader.WaitTime.TotalSeconds;
        return _history;
    }

    private void TrainEpoch(double elapsedBefore, Stopwatch clock)
    {
        var epochClock = Stopwatch.StartNew();
        var sums = new double[4];
        var batches = 0;
        var images = 0L;
        var batchIndex = 0;
        foreach (var batch in _reader.ReadEpoch(_position.Epoch, _settings.CancellationToken))
        {
            // A resumed epoch reads its rows in the same order and skips the batches already trained.
            if (batchIndex++ < _position.BatchesInEpoch)
            {
                continue;
            }
            var losses = Step(batch);
            _position = _position with { BatchesInEpoch = _position.BatchesInEpoch + 1, Step = _position.Step + 1 };
            CheckFinite(losses);
            sums[0] += losses.GeneratorLoss;
            sums[1] += losses.DiscriminatorLoss;
            sums[2] += losses.RealScore;
            sums[3] += losses.FakeScore;
            batches++;
            images += batch.Count;
            _settings.Progress?.Report(new GanTrainingProgress(_position.Epoch + 1, _settings.Epochs, _position.Step,
                _position.BatchesInEpoch, losses.GeneratorLoss, losses.DiscriminatorLoss, images / epochClock.Elapsed.TotalSeconds));
            _settings.CancellationToken.ThrowIfCancellationRequested();
        }
        if (batches == 0 && _position.BatchesInEpoch == 0)
        {
            throw new InvalidOperationException(
                $"The training data gave no complete batch of {_reader.BatchSize} images; it needs at least {_reader.BatchSize} rows, or a smaller BatchSize.");
        }
        var speed = images / epochClock.Elapsed.TotalSeconds;
        _history.Add(new TrainingHistoryEntry(_position.Epoch + 1, _position.Step, Mean(sums[0], batches),
            Mean(sums[1], batches), Mean(sums[2], batches), Mean(sums[3], batches), speed, elapsedBefore + clock.Elapsed.TotalSeconds));
        var remaining = TimeSpan.FromSeconds(epochClock.Elapsed.TotalSeconds * (_settings.Epochs - _position.Epoch - 1));
        var last = _history.Entries[^1];
        _log.Info(MessageSensitivity.None,
            $"{_settings.Title} epoch {last.Epoch}/{_settings.Epochs}: step {last.Step}, G loss {last.GeneratorLoss:F3}, D loss {last.DiscriminatorLoss:F3}, D(x) {last.RealScore:F2}, D(G(z)) {last.FakeScore:F2}, {speed:F0} images/s, ETA {remaining:hh\\:mm\\:ss}");
    }

    private StepLosses Step(PixelBatch batch)
    {
        var shape = _reader.Shape;
        using var noGc = NoGcRegion.Enter();
        using var scope = NewDisposeScope();
        var real = tensor(batch.Pixels, [_reader.BatchSize, shape.Channels, shape.Height, shape.Width])
            .narrow(0, 0, batch.Count).to(_device).mul_(_pixelScale).sub_(_one);
        var latents = randn([batch.Count, _model.LatentSize], generator: _latentGenerator).to(_device);
        return _model.Step(real, latents);
    }

    private void CheckFinite(StepLosses losses)
    {
        if (float.IsFinite(losses.GeneratorLoss) && float.IsFinite(losses.DiscriminatorLoss))
        {
            return;
        }
        var kept = _settings.CheckpointPath is { } path && File.Exists(path)
            ? $"The last good checkpoint '{path}' is kept; resume from it with a lower learning rate."
            : "No checkpoint was written (set a training directory to keep one).";
        throw new InvalidOperationException(
            $"{_settings.Title} diverged at step {_position.Step} (epoch {_position.Epoch + 1}): generator loss {losses.GeneratorLoss}, discriminator loss {losses.DiscriminatorLoss}. {kept}");
    }

    private void EndEpoch()
    {
        if (_settings.TrainingDirectory is not { } directory)
        {
            return;
        }
        var epoch = _position.Epoch;
        var samplePath = Path.Combine(directory, "samples", $"epoch-{epoch:D3}.png");
        SaveSamples(samplePath);
        _history.SaveCsv(Path.Combine(directory, "history.csv"));
        var images = Enumerable.Range(1, epoch).Select(e => ($"Epoch {e}", $"samples/epoch-{e:D3}.png"))
            .Where(image => File.Exists(Path.Combine(directory, image.Item2))).ToList();
        TrainingReport.WriteHtml(Path.Combine(directory, "report.html"), _settings.Title, _history, images, Facts());
        SaveCheckpoint();
    }

    private void SaveSamples(string path)
    {
        var shape = _reader.Shape;
        using var scope = NewDisposeScope();
        var pixels = _model.Generate(_sampleLatents.to(_device)).add(_one).div(_pixelScale).clamp(0, 255).cpu();
        ImageGrid.SavePng(pixels.data<float>().ToArray(), _settings.SampleCount, shape.Channels, shape.Height, shape.Width,
            path, scale: Math.Max(1, 64 / shape.Height));
    }

    private Dictionary<string, string> Facts()
    {
        var last = _history.Entries[^1];
        return new Dictionary<string, string>
        {
            ["Model"] = _architecture,
            ["Epochs"] = $"{last.Epoch} of {_settings.Epochs}",
            ["Steps"] = last.Step.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Batch size"] = _reader.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Images/s (last epoch)"] = last.ImagesPerSecond.ToString("F0", System.Globalization.CultureInfo.InvariantCulture),
            ["Training time"] = TimeSpan.FromSeconds(last.ElapsedSeconds).ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture),
            ["Seed"] = _settings.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Device"] = _device.ToString(),
            ["Torch threads"] = get_num_threads().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private void ResumeIfAsked()
    {
        if (!_settings.Resume || _settings.CheckpointPath is not { } path || !File.Exists(path))
        {
            return;
        }
        var (position, latentState, history) = GanCheckpoint.Load(path, _architecture, _model);
        using (latentState)
        {
            _latentGenerator.set_state(latentState);
        }
        _position = position;
        _history = history;
        _log.Info(MessageSensitivity.None, $"{_settings.Title}: resuming from '{path}' at epoch {position.Epoch + 1}, step {position.Step}.");
    }

    private void SaveCheckpoint()
    {
        if (_settings.CheckpointPath is not { } path)
        {
            return;
        }
        using var state = _latentGenerator.get_state();
        GanCheckpoint.Save(path, _architecture, _model, _position, state, _history);
    }

    private static float Mean(double sum, int count) => count == 0 ? float.NaN : (float)(sum / count);

    /// <summary>Releases the latent generator, the sample latents and the kept scalars.</summary>
    public void Dispose()
    {
        _sampleLatents.Dispose();
        _latentGenerator.Dispose();
        _pixelScale.Dispose();
        _one.Dispose();
    }
}
