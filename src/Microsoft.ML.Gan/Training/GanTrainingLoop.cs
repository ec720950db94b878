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
/// a checkpoint. Cancellation and divergence stop it with the last good checkpoint on disk. With a
/// <see cref="GrowthSchedule"/>, a step takes the batches its level asks for, the networks and the real images follow
/// the schedule, Adam restarts at every new phase (as the official progressive GAN code does), a grid is taken at
/// the end of every phase, and training stops when the schedule is complete.
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
    private readonly Tensor? _qualityLatents;
    // Kept alive for the whole run: a Scalar made on the fly can be finalised during the native call that uses it.
    private readonly Scalar _pixelScale = (1 / 127.5).ToScalar();
    private readonly Scalar _one = 1.ToScalar();
    private readonly Scalar _two = 2.ToScalar();
    private readonly float[] _stepPixels;
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
        _stepPixels = new float[checked((settings.Growth?.MaximumBatchesPerStep ?? 1) * reader.BatchSize * reader.Shape.Size)];
        _sampleLatents = tensor(LatentVectors.Sample(model.LatentSize, settings.SampleCount, settings.Seed, settings.LatentDistribution),
            [settings.SampleCount, model.LatentSize]);
        if (settings.Quality is { } quality)
        {
            _qualityLatents = tensor(LatentVectors.Sample(model.LatentSize, quality.SampleCount, settings.Seed, settings.LatentDistribution),
                [quality.SampleCount, model.LatentSize]);
        }
    }

    /// <summary>Trains to the last epoch (continuing from the checkpoint when asked) and returns the history.</summary>
    public TrainingHistory Run()
    {
        ResumeIfAsked();
        var clock = Stopwatch.StartNew();
        var elapsedBefore = _history.Entries.Count > 0 ? _history.Entries[^1].ElapsedSeconds : 0;
        try
        {
            var last = false;
            while (!last && !Finished)
            {
                TrainEpoch(elapsedBefore, clock);
                _position = _position with { Epoch = _position.Epoch + 1, BatchesInEpoch = 0 };
                last = Finished || TimeIsUp(elapsedBefore + clock.Elapsed.TotalSeconds);
                EndEpoch(last);
            }
            SavePhaseSamples();
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

    /// <summary>Whether training is over: every epoch trained, or with growth, the schedule complete.</summary>
    private bool Finished => _settings.Growth is { } growth ? growth.IsComplete(_position.ImagesShown) : _position.Epoch >= _settings.Epochs;

    /// <summary>
    /// One pass over the data (with growth, cut short when the schedule completes). A step takes as many batches as
    /// its growth level asks for (one without growth); batches left over at the end of the epoch are not trained.
    /// </summary>
    private void TrainEpoch(double elapsedBefore, Stopwatch clock)
    {
        var epochClock = Stopwatch.StartNew();
        var sums = new double[4];
        var batches = 0;
        var images = 0L;
        var batchIndex = 0;
        var (pending, pendingImages) = (0, 0);
        foreach (var batch in _reader.ReadEpoch(_position.Epoch, _settings.CancellationToken))
        {
            // A resumed epoch reads its rows in the same order and skips the batches already trained.
            if (batchIndex++ < _position.BatchesInEpoch)
            {
                continue;
            }
            if (Finished)
            {
                break;
            }
            var phase = _settings.Growth?.PhaseAt(_position.ImagesShown);
            Array.Copy(batch.Pixels, 0, _stepPixels, pendingImages * _reader.Shape.Size, batch.Count * _reader.Shape.Size);
            (pending, pendingImages) = (pending + 1, pendingImages + batch.Count);
            if (phase is { } growing && pending < _settings.Growth!.BatchesPerStep(growing.Level))
            {
                continue;
            }
            var losses = Step(pendingImages, phase);
            _position = _position with
            {
                BatchesInEpoch = _position.BatchesInEpoch + pending,
                Step = _position.Step + 1,
                ImagesShown = _position.ImagesShown + pendingImages,
                Phase = phase?.Index ?? -1,
            };
            CheckFinite(losses);
            sums[0] += losses.GeneratorLoss;
            sums[1] += losses.DiscriminatorLoss;
            sums[2] += losses.RealScore;
            sums[3] += losses.FakeScore;
            batches++;
            images += pendingImages;
            (pending, pendingImages) = (0, 0);
            _settings.Progress?.Report(new GanTrainingProgress(_position.Epoch + 1, _settings.Epochs, _position.Step,
                _position.BatchesInEpoch, losses.GeneratorLoss, losses.DiscriminatorLoss, images / epochClock.Elapsed.TotalSeconds,
                phase is { } shownPhase ? new GrowthProgress(shownPhase.Name, shownPhase.Alpha, _position.ImagesShown, _settings.Growth!.TotalImages) : null));
            _settings.CancellationToken.ThrowIfCancellationRequested();
        }
        if (batches == 0 && _position.BatchesInEpoch == 0)
        {
            throw _reader.NoCompleteBatch();
        }
        var speed = images / epochClock.Elapsed.TotalSeconds;
        _history.Add(new TrainingHistoryEntry(_position.Epoch + 1, _position.Step, Mean(sums[0], batches),
            Mean(sums[1], batches), Mean(sums[2], batches), Mean(sums[3], batches), speed, elapsedBefore + clock.Elapsed.TotalSeconds));
        var last = _history.Entries[^1];
        var (where, remaining) = _settings.Growth is { } growth
            ? ($"epoch {last.Epoch}, {_position.ImagesShown:N0}/{growth.TotalImages:N0} images, {growth.PhaseAt(_position.ImagesShown).Name} α {growth.PhaseAt(_position.ImagesShown).Alpha:F2}",
                TimeSpan.FromSeconds(Math.Max(0, growth.TotalImages - _position.ImagesShown) / speed))
            : ($"epoch {EpochOfEpochs(last.Epoch)}", Remaining(epochClock.Elapsed.TotalSeconds, last.ElapsedSeconds));
        _log.Info(MessageSensitivity.None,
            $"{_settings.Title} {where}: step {last.Step}, G loss {last.GeneratorLoss:F3}, D loss {last.DiscriminatorLoss:F3}, D(x) {last.RealScore:F2}, D(G(z)) {last.FakeScore:F2}, {speed:F0} images/s, ETA {remaining:hh\\:mm\\:ss}");
    }

    /// <summary>"3/10", or "3" when a time limit rather than the epoch count ends training.</summary>
    private string EpochOfEpochs(int epoch) => _settings.TimeLimit is null ? $"{epoch}/{_settings.Epochs}" : $"{epoch}";

    /// <summary>Estimated time left: the remaining epochs at this epoch's pace, or less when the time limit comes first.</summary>
    private TimeSpan Remaining(double epochSeconds, double elapsedSeconds)
    {
        var seconds = epochSeconds * (_settings.Epochs - _position.Epoch - 1.0);
        if (_settings.TimeLimit is { } limit)
        {
            // Training stops at the first epoch boundary after the limit: at most one epoch past it.
            seconds = Math.Min(seconds, Math.Max(0, limit.TotalSeconds - elapsedSeconds) + epochSeconds);
        }
        return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
    }

    /// <summary>One step on the first <paramref name="count"/> images of the step buffer, grown to <paramref name="phase"/> when there is one.</summary>
    private StepLosses Step(int count, GrowthPhase? phase)
    {
        if (phase is { } growing)
        {
            if (growing.Index != _position.Phase)
            {
                SavePhaseSamples();
                // A new phase starts with fresh Adam moments (the official code's reset_opt_for_new_lod); the first does anyway.
                _model.ResetOptimizers();
            }
            GrowthSchedule.Apply(_model, growing);
        }
        var shape = _reader.Shape;
        using var noGc = NoGcRegion.Enter();
        using var scope = NewDisposeScope();
        var real = tensor(_stepPixels, [_stepPixels.Length / shape.Size, shape.Channels, shape.Height, shape.Width])
            .narrow(0, 0, count).to(_device).mul_(_pixelScale).sub_(_one);
        if (phase is { } blending)
        {
            real = _settings.Growth!.BlendReal(real, blending);
        }
        return _model.Step(real, DrawLatents(count).to(_device));
    }

    /// <summary>With growth and a training directory, the grid of the phase the last step trained in (samples/phase-NN-NAME.png).</summary>
    private void SavePhaseSamples()
    {
        if (_settings.Growth is not { } growth || _settings.TrainingDirectory is not { } directory || _position.Phase < 0)
        {
            return;
        }
        SaveSamples(Path.Combine(directory, "samples", PhaseSampleFile(_position.Phase)));
    }

    private static string PhaseSampleFile(int phase) => $"phase-{phase:D2}-{GrowthPhase.Starting(phase).Name}.png";


    /// <summary>Latents of the settings' distribution from the checkpointed latent generator.</summary>
    private Tensor DrawLatents(int count) => _settings.LatentDistribution == LatentDistribution.Uniform
        ? rand([count, _model.LatentSize], generator: _latentGenerator).mul_(_two).sub_(_one)
        : randn([count, _model.LatentSize], generator: _latentGenerator);

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

    /// <summary>Whether the time limit, if any, is reached: training then stops at this epoch boundary.</summary>
    private bool TimeIsUp(double elapsedSeconds)
    {
        if (_settings.TimeLimit is not { } limit || elapsedSeconds < limit.TotalSeconds || Finished)
        {
            return false;
        }
        _log.Info(MessageSensitivity.None,
            $"{_settings.Title}: time limit of {limit.TotalMinutes:G4} minutes reached after epoch {_position.Epoch} (step {_position.Step}); stopping.");
        return true;
    }

    private void EndEpoch(bool last)
    {
        EvaluateQuality(last);
        if (_settings.TrainingDirectory is not { } directory)
        {
            return;
        }
        var epoch = _position.Epoch;
        if (_settings.Growth is null)
        {
            SaveSamples(Path.Combine(directory, "samples", $"epoch-{epoch:D3}.png"));
        }
        _history.SaveCsv(Path.Combine(directory, "history.csv"));
        var grids = _settings.Growth is { } growth
            ? Enumerable.Range(0, growth.PhaseCount).Select(phase => (GrowthPhase.Starting(phase).Name, $"samples/{PhaseSampleFile(phase)}"))
            : Enumerable.Range(1, epoch).Select(e => ($"Epoch {e}", $"samples/epoch-{e:D3}.png"));
        var images = grids.Where(image => File.Exists(Path.Combine(directory, image.Item2))).ToList();
        TrainingReport.WriteHtml(Path.Combine(directory, "report.html"), _settings.Title, _history, images, Facts());
        SaveCheckpoint();
    }

    private void SaveSamples(string path)
    {
        var shape = _reader.Shape;
        using var scope = NewDisposeScope();
        var pixels = Pixels(_sampleLatents).cpu();
        ImageGrid.SavePng(pixels.data<float>().ToArray(), _settings.SampleCount, shape.Channels, shape.Height, shape.Width,
            path, scale: Math.Max(1, 64 / shape.Height));
    }

    /// <summary>Scores the sampling generator every few epochs and the last, keeping it when it is the best so far.</summary>
    private void EvaluateQuality(bool last)
    {
        if (_settings.Quality is not { } quality || _position.Epoch % quality.Interval != 0 && !last)
        {
            return;
        }
        double score;
        using (NewDisposeScope())
        {
            score = quality.Score(Pixels(_qualityLatents!));
        }
        var kept = _model.KeepIfBest(score, _position.Epoch);
        var best = _model.Best;
        _log.Info(MessageSensitivity.None, kept
            ? $"{_settings.Title} epoch {_position.Epoch}: quality {score:G4}, the best so far: generator kept."
            : $"{_settings.Title} epoch {_position.Epoch}: quality {score:G4}; the best is {best?.Quality:G4} after epoch {best?.Epoch}.");
    }

    /// <summary>The sampling generator's images for <paramref name="latents"/>, [N, C, H, W] in 0..255.</summary>
    private Tensor Pixels(Tensor latents) => _model.Generate(latents.to(_device)).add(_one).div(_pixelScale).clamp(0, 255);

    private Dictionary<string, string> Facts()
    {
        var last = _history.Entries[^1];
        return new Dictionary<string, string>
        {
            ["Model"] = _architecture,
            ["Epochs"] = _settings.TimeLimit is { } limit ? $"{last.Epoch} (time limit {limit.TotalMinutes:G4} minutes)" : $"{last.Epoch} of {_settings.Epochs}",
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
        _qualityLatents?.Dispose();
        _latentGenerator.Dispose();
        _pixelScale.Dispose();
        _one.Dispose();
        _two.Dispose();
    }
}
