namespace Microsoft.ML.Gan.Training;

/// <summary>Networks and optimisers that a <see cref="GanCheckpoint"/> writes and reads back.</summary>
internal interface ICheckpointState
{
    /// <summary>Writes the networks and the optimisers.</summary>
    void Save(BinaryWriter writer);

    /// <summary>Reads what <see cref="Save"/> wrote, into networks of the same layout.</summary>
    void Load(BinaryReader reader);
}
