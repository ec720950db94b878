using Microsoft.ML.Gan.Networks.Progressive;
using Microsoft.ML.Gan.Reporting;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// The full training state, for resuming: both networks and optimisers, the latent generator's state, the position
/// in the data (with the real images shown and, for progressive networks, the growth phase, level and α) and the
/// history so far. Written to a temporary name and renamed, so a crash never leaves a
/// half-written checkpoint that looks valid; a file that is not one is refused with its path in the message.
/// </summary>
internal static class GanCheckpoint
{
    private const string Magic = "Microsoft.ML.Gan checkpoint";
    private const int Version = 4;

    /// <summary>Writes the state of <paramref name="model"/> and the loop to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, string architecture, ICheckpointState model, TrainingPosition position,
        Tensor latentGeneratorState, TrainingHistory history)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(architecture);
            writer.Write(position.Epoch);
            writer.Write(position.BatchesInEpoch);
            writer.Write(position.Step);
            writer.Write(position.ImagesShown);
            writer.Write(position.Phase);
            var growing = ProgressiveNetworks(model).FirstOrDefault();
            writer.Write(growing?.Level ?? -1);
            writer.Write(growing?.Alpha ?? 1);
            writer.Write(history.Entries.Count);
            foreach (var entry in history.Entries)
            {
                writer.Write(entry.Epoch);
                writer.Write(entry.Step);
                writer.Write(entry.GeneratorLoss);
                writer.Write(entry.DiscriminatorLoss);
                writer.Write(entry.RealScore);
                writer.Write(entry.FakeScore);
                writer.Write(entry.ImagesPerSecond);
                writer.Write(entry.ElapsedSeconds);
            }
            latentGeneratorState.Save(writer);
            model.Save(writer);
        }
        AtomicFile.WriteAllBytes(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>
    /// Restores <paramref name="model"/> and returns the loop's state from <paramref name="path"/>, which must have been
    /// written for the same <paramref name="architecture"/>.
    /// </summary>
    public static (TrainingPosition Position, Tensor LatentGeneratorState, TrainingHistory History) Load(
        string path, string architecture, ICheckpointState model)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), System.Text.Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != Version)
            {
                throw new InvalidDataException($"'{path}' is not a Microsoft.ML.Gan checkpoint of version {Version}.");
            }
            var saved = reader.ReadString();
            if (saved != architecture)
            {
                throw new InvalidDataException($"Checkpoint '{path}' was written for {saved}, not for {architecture}; use another training directory or matching options.");
            }
            var position = new TrainingPosition(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt32());
            var (level, alpha) = (reader.ReadInt32(), reader.ReadDouble());
            var history = new TrainingHistory();
            var entries = reader.ReadInt32();
            for (var i = 0; i < entries; i++)
            {
                history.Add(new TrainingHistoryEntry(reader.ReadInt32(), reader.ReadInt64(), reader.ReadSingle(),
                    reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle(), reader.ReadDouble(), reader.ReadDouble()));
            }
            var latentState = Tensor.Load(reader);
            model.Load(reader);
            foreach (var network in ProgressiveNetworks(model))
            {
                network.Grow(level, alpha);
            }
            return (position, latentState, history);
        }
        catch (Exception error) when (error is EndOfStreamException or IOException or ArgumentException or FormatException
            or InvalidOperationException and not ObjectDisposedException)
        {
            throw new InvalidDataException($"Checkpoint '{path}' is truncated or corrupted and cannot be resumed: {error.Message}", error);
        }
    }

    /// <summary>The growing networks of a GAN (progressive growing); none for other models, e.g. a domain transfer.</summary>
    private static IEnumerable<IProgressiveNetwork> ProgressiveNetworks(ICheckpointState model) =>
        model is IAdversarialModel adversarial ? adversarial.Networks.OfType<IProgressiveNetwork>() : [];
}
