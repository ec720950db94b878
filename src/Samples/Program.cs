using Microsoft.ML.Gan.Samples;

// Before anything loads libtorch: the bench's hand-written loops call TorchSharp before the library.
Microsoft.ML.Gan.Training.OneDnnIsaLimit.Apply();

// One command per scenario; each writes its pictures, reports and models under --output.
var usage = $"""
    usage: dotnet run --project src/Samples -c Release -- COMMAND [OPTIONS]
      {DcganCommand.Usage}
      {GanCommand.Usage}
      {PgganCommand.Usage}
      {GenerateCommand.Usage}
      {InterpolateCommand.Usage}
      {ArithmeticCommand.Usage}
      {ForgetCommand.Usage}
      {MemorisationCommand.Usage}
      {DedupCommand.Usage}
      {Microsoft.ML.Gan.Samples.DomainTransfer.DtnDigitsCommand.Usage}
      {Microsoft.ML.Gan.Samples.DomainTransfer.FacesToEmojiCommand.Usage}
      {Microsoft.ML.Gan.Samples.SvmEval.SvmEvalCommand.Usage}
      {Microsoft.ML.Gan.Samples.Quality.QualityCommand.Usage}
      {Microsoft.ML.Gan.Samples.Bench.BenchOptions.Usage}
      {Microsoft.ML.Gan.Samples.Bench.FlopsCommand.Usage}
      {Microsoft.ML.Gan.Samples.Bench.ScoringCommand.Usage}
      {Microsoft.ML.Gan.Samples.Bench.ScaleCommand.Usage}
      {Microsoft.ML.Gan.Samples.Bench.ThreadsCommand.Usage}
    """;
if (args.Length == 0)
{
    Console.Error.WriteLine(usage);
    return 2;
}
try
{
    if (args[0] == "bench")
    {
        return Microsoft.ML.Gan.Samples.Bench.BenchCommand.Run(args[1..]);
    }
    if (args[0] == "bench-flops") return Microsoft.ML.Gan.Samples.Bench.FlopsCommand.Run(args[1..]);
    if (args[0] == "bench-threads") return Microsoft.ML.Gan.Samples.Bench.ThreadsCommand.Run(args[1..]);
    var options = new CommandLine(args.Skip(1), "--resume", "--grey", "--skip-unreadable", ArithmeticCommand.SheetFlag, DedupCommand.UnitMeanFlag, RecipeOptions.SpectralNormFlag, RecipeOptions.FeatureMatchingFlag, RecipeOptions.NoDiscriminatorBatchNormFlag,
        Microsoft.ML.Gan.Samples.DomainTransfer.DomainTransferRun.RawFeaturesFlag, Microsoft.ML.Gan.Samples.DomainTransfer.DtnDigitsCommand.ConstancyLogitsFlag,
        Microsoft.ML.Gan.Samples.DomainTransfer.DtnDigitsCommand.ConstancyClassesFlag, Microsoft.ML.Gan.Samples.DomainTransfer.FacesToEmojiCommand.LayoutContrastFlag,
        Microsoft.ML.Gan.Samples.DomainTransfer.FacesToEmojiCommand.DropIslandsFlag);
    return args[0] switch
    {
        "dcgan" => DcganCommand.Run(options),
        "gan" => GanCommand.Run(options),
        "pggan" => PgganCommand.Run(options),
        "generate" => GenerateCommand.Run(options),
        "interpolate" => InterpolateCommand.Run(options),
        "arithmetic" => ArithmeticCommand.Run(options),
        "forget" => ForgetCommand.Run(options),
        "memorisation" => MemorisationCommand.Run(options),
        "dedup" => DedupCommand.Run(options),
        "dtn-digits" => Microsoft.ML.Gan.Samples.DomainTransfer.DtnDigitsCommand.Run(options),
        "faces-to-emoji" => Microsoft.ML.Gan.Samples.DomainTransfer.FacesToEmojiCommand.Run(options),
        "svm-eval" => Microsoft.ML.Gan.Samples.SvmEval.SvmEvalCommand.Run(options),
        "quality" => Microsoft.ML.Gan.Samples.Quality.QualityCommand.Run(options, args),
        "bench-scoring" => Microsoft.ML.Gan.Samples.Bench.ScoringCommand.Run(options),
        "bench-scale" => Microsoft.ML.Gan.Samples.Bench.ScaleCommand.Run(options),
        _ => throw new ArgumentException($"Unknown command '{args[0]}'."),
    };
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(usage);
    return 2;
}
catch (Exception error) when (error is IOException or InvalidDataException or OperationCanceledException)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}
