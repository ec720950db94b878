namespace Microsoft.ML.Gan.Samples;

/// <summary><c>gan</c>: trains the original MLP GAN through an ML.NET pipeline; options and outputs of <see cref="TrainingCommand"/>.</summary>
internal static class GanCommand
{
    /// <summary>The usage line.</summary>
    public const string Usage = "gan " + TrainingCommand.Options;

    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine options) =>
        TrainingCommand.Run(options, new MlpGanOptions(), (gan, mlp) => gan.TrainGan(mlp), "GAN");
}
