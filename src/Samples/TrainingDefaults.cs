namespace Microsoft.ML.Gan.Samples;

/// <summary>What a training command assumes when its options leave it out.</summary>
/// <param name="Data">The <c>--data</c>: <c>mnist</c>, or a folder of the repository's data/.</param>
/// <param name="ImageSizeOption">The option that sets the side folder images are resized to.</param>
/// <param name="ImageSize">The side when the option is not given: folder images are resized to it, IDX images framed in
/// black up to it (null: 64 for folders, the file's own side for IDX).</param>
/// <param name="Preset">The preset applied when <c>--preset</c> is not given; null for none.</param>
internal sealed record TrainingDefaults(string Data = "mnist", string ImageSizeOption = "--image-size", int? ImageSize = null,
    GanPreset? Preset = GanPreset.Recommended)
{
    /// <summary>The GAN and DCGAN commands': the bundled MNIST, <c>--image-size</c>, the recommended preset.</summary>
    public static TrainingDefaults Standard { get; } = new();

    /// <summary>The data path of <c>--data</c>, or of the default data.</summary>
    public string DataPath(CommandLine options) =>
        options.Text("--data") ?? TrainingData.MnistOrBundled(Data);

    /// <summary>The side of <see cref="ImageSizeOption"/> when given, otherwise <see cref="ImageSize"/>.</summary>
    public int? Size(CommandLine options) => options.Number(ImageSizeOption) ?? ImageSize;
}
