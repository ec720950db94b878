namespace Microsoft.ML.Gan.Samples;

/// <summary><c>dcgan</c>: trains a DCGAN through an ML.NET pipeline; options and outputs of <see cref="TrainingCommand"/>.</summary>
internal static class DcganCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage = "dcgan " + TrainingCommand.Options;

    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine options) =>
        TrainingCommand.Run(options, new DcganOptions(), (gan, dcgan) => gan.TrainDcgan(dcgan), "DCGAN");
}
