using TorchSharp;
using Microsoft.ML.Gan.Training;
using TorchSharp.Modules;

namespace Microsoft.ML.Gan;

/// <summary>
/// The choice of the fixed encoder f of a Domain Transfer Network (G = g ∘ f). f reads images of the target domain's
/// shape (grey source images are replicated to the target's channels first) in [-1, 1] and stays frozen while g trains.
/// </summary>
public sealed class DomainTransferEncoder
{
    private readonly Func<EncoderSource, FrozenEncoder> _create;

    private DomainTransferEncoder(string description, Func<EncoderSource, FrozenEncoder> create)
    {
        Description = description;
        _create = create;
    }

    /// <summary>Which encoder this is, for logs and reports.</summary>
    public string Description { get; }

    /// <summary>
    /// f is the feature layers of the library's LeNet-like classifier (<see cref="DigitClassifier"/>'s network), trained
    /// first on the labelled source images: digit classes for digits, person identities for faces (the paper's option).
    /// </summary>
    /// <param name="options">
    /// The classifier's label column, class count and schedule (<see cref="DigitClassifierOptions"/>); its image column
    /// and shape are the source's. Null for the defaults: a <c>Label</c> column of 10 classes, 5 epochs.
    /// </param>
    /// <returns>The encoder choice.</returns>
    public static DomainTransferEncoder SourceClassifier(DigitClassifierOptions? options = null)
    {
        var settings = options ?? new DigitClassifierOptions();
        settings.Validate();
        return new($"the feature layers of a {settings.ClassCount}-class classifier trained on the labelled source ({settings.Epochs} epochs)",
            source => TrainClassifier(source, settings));
    }

    /// <summary>
    /// f is a TorchSharp module of your own, with its weights: e.g. an encoder learned without labels (an autoencoder's
    /// encoder, a GAN discriminator's hidden layers). It is frozen (eval mode, no gradients to its parameters) and
    /// exported to ONNX layer by layer, so its layers must be ones the library writes: Conv2d, ConvTranspose2d, Linear,
    /// BatchNorm1d/2d, ReLU, LeakyReLU, Tanh, Sigmoid, MaxPool2d, Flatten. You keep ownership of the module.
    /// </summary>
    /// <param name="layers">Maps images [N, C, H, W] of the target's shape in [-1, 1] to features [N, F].</param>
    /// <returns>The encoder choice.</returns>
    public static DomainTransferEncoder FromModule(Sequential layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        return new("a user-supplied TorchSharp module", source => new FrozenEncoder(layers.to(source.Device), source.Image, "a user-supplied TorchSharp module"));
    }

    /// <summary>Builds and freezes f for a run.</summary>
    internal FrozenEncoder Create(EncoderSource source) => _create(source);

    private static FrozenEncoder TrainClassifier(EncoderSource source, DigitClassifierOptions settings)
    {
        var options = new DigitClassifierOptions
        {
            InputColumnName = source.ColumnName,
            LabelColumnName = settings.LabelColumnName,
            ClassCount = settings.ClassCount,
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            LearningRate = settings.LearningRate,
            Deformation = settings.Deformation,
            CancellationToken = source.CancellationToken,
        };
        var network = DigitClassifierEstimator.TrainNetwork(source.Catalog, source.Source, source.Image, options, source.Seed, source.Device, source.Log);
        return new FrozenEncoder(network.FeatureLayers, source.Image,
            $"the feature layers of a {settings.ClassCount}-class classifier trained on the labelled source", network);
    }
}
