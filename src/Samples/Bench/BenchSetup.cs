using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Training;
using Microsoft.ML.Runtime;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>
/// What the training benchmarks share: the seeded MLContext, the images as an IDataView (for the pipeline) and as one
/// pre-built tensor (for the hand-written loop), the libtorch device, and the trainer both sides train.
/// </summary>
internal sealed class BenchSetup : IDisposable
{
    /// <summary>The seed of both sides: weights, latents and data order.</summary>
    public const int Seed = 1;

    /// <summary>The networks of the DCGAN-only benchmarks (FLOPs, scoring, scale): DCGAN 1×28×28 with the library's default sizes.</summary>
    public static DcganLayout Layout { get; } = DcganLayout.For(new ImageShape(1, 28, 28), GanTrainerOptions.Defaults.LatentSize,
        DcganOptions.ArchitectureDefaults.GeneratorWidth, DcganOptions.ArchitectureDefaults.DiscriminatorWidth);

    private BenchSetup(MLContext mlContext, IDataView data, Device device, Tensor images)
    {
        MLContext = mlContext;
        Data = data;
        Device = device;
        Images = images;
        Image = new ImageShape((int)images.shape[1], (int)images.shape[2], (int)images.shape[3]);
    }

    /// <summary>The MLContext of the pipeline side, seeded with <see cref="Seed"/>.</summary>
    public MLContext MLContext { get; }

    /// <summary>The first <see cref="BenchOptions.Images"/> images, streamed from their file or folder.</summary>
    public IDataView Data { get; }

    /// <summary>The libtorch device, chosen as the library chooses it.</summary>
    public Device Device { get; }

    /// <summary>The same images in one [N, C, H, W] tensor in [-1, 1].</summary>
    public Tensor Images { get; }

    /// <summary>The shape of one image.</summary>
    public ImageShape Image { get; }

    /// <summary>Loads the images the options name and builds the tensor, before any timing.</summary>
    public static BenchSetup Create(BenchOptions options)
    {
        var mlContext = new MLContext(seed: Seed);
        var data = TrainingData.Load(mlContext, options.Data, options.Trainer.ImageSize, grey: false, skipUnreadable: false, options.Images);
        if (options.Cache)
        {
            data = mlContext.Data.Cache(data);
        }
        Device device;
        using (var channel = ((IHostEnvironment)mlContext).Start("bench"))
        {
            device = TorchDevice.Select(mlContext.GpuDeviceId, mlContext.FallbackToCpu, channel);
        }
        return new BenchSetup(mlContext, data, device, PrebuiltImages.Build(data, GanDataCatalog.PixelsColumnName, device));
    }

    /// <summary>
    /// One untimed epoch of each side: the first training in a process pays for JIT, libtorch's allocator and thread
    /// pool, which belongs to neither.
    /// </summary>
    public void WarmUp(BenchOptions options)
    {
        var warmUp = options with { Epochs = 1 };
        options.Trainer.Pipeline(this, warmUp);
        options.Trainer.HandWritten(this, warmUp);
    }

    /// <summary>Releases the tensor.</summary>
    public void Dispose() => Images.Dispose();
}
