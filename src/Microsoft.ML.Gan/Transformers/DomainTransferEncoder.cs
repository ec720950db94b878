using System.Globalization;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan;

/// <summary>
/// The choice of the fixed encoder f of a Domain Transfer Network (G = g ∘ f). f reads images of the target domain's
/// shape (grey source images are replicated to the target's channels first) in [-1, 1] and stays frozen while g trains.
/// An f trained here on grey sources for a colour target reads colour images by their luminance: trained on equal
/// channels, it could otherwise tell colours apart only through the random start of its first kernels.
/// </summary>
public sealed class DomainTransferEncoder
{
    private const int AutoencoderBatchSize = 32;
    private const double AutoencoderLearningRate = 1e-3;
    // Standard deviation of the noise added to the autoencoder's inputs, in the [-1, 1] scale.
    private const double AutoencoderInputNoise = 0.1;

    private readonly Func<EncoderSource, FrozenEncoder> _create;

    private DomainTransferEncoder(string description, Func<EncoderSource, FrozenEncoder> create, bool separatesShape = false)
    {
        Description = description;
        _create = create;
        SeparatesShape = separatesShape;
    }

    /// <summary>Which encoder this is, for logs and reports.</summary>
    public string Description { get; }

    /// <summary>
    /// Whether some of its features describe the image's shape apart from its tones (<see cref="WidthProfile"/>'s
    /// bands, <see cref="SilhouetteLayout"/>'s cells), which <see cref="DomainTransferOptions.SourceShapeExaggeration"/> multiplies.
    /// </summary>
    public bool SeparatesShape { get; }

    /// <summary>
    /// f is the feature layers of the library's LeNet-like classifier (<see cref="DigitClassifier"/>'s network), trained
    /// first on the labelled source images: digit classes for digits, person identities for faces (the paper's option).
    /// Setting the options' <see cref="DigitClassifierOptions.UnlabelledImages"/> to the target images (their column in
    /// <see cref="DigitClassifierOptions.UnlabelledColumnName"/>, else <see cref="DigitClassifierOptions.InputColumnName"/>)
    /// also self-trains f on them with pseudo-labels, so that it reads the target's images as well as the source's: a
    /// step beyond the paper, whose f knows only the source; the target's labels are never read.
    /// </summary>
    /// <param name="options">
    /// The classifier's label column, class count, schedule and unlabelled images (<see cref="DigitClassifierOptions"/>);
    /// its image column and shape are the source's, its seed and threads the transfer's. Null for the defaults: a
    /// <c>Label</c> column of 10 classes, 5 epochs.
    /// </param>
    /// <param name="logits">
    /// Whether the encoder runs on to the classifier's class logits rather than stopping at its hidden feature layer.
    /// Too little for g to redraw an image from, logits suit <see cref="DomainTransferOptions.ConstancyEncoder"/>: L_CONST
    /// then asks that G(s) be read as the class of s, as firmly, the semantic consistency of CyCADA (Hoffman et al. 2018).
    /// </param>
    /// <returns>The encoder choice.</returns>
    public static DomainTransferEncoder SourceClassifier(DigitClassifierOptions? options = null, bool logits = false)
    {
        var settings = options ?? new DigitClassifierOptions();
        settings.Validate();
        var description = $"the {(logits ? "class logits" : "feature layers")} of a {settings.ClassCount}-class classifier trained on the labelled source ({settings.Epochs} epochs)"
            + (settings.UnlabelledImages is null ? "" : string.Create(CultureInfo.InvariantCulture,
                $", self-trained on unlabelled images (pseudo-label confidence {settings.PseudoLabelConfidence})"));
        return new(description, source => TrainClassifier(source, settings, logits, description));
    }

    /// <summary>
    /// f is the encoder of a convolutional autoencoder trained first, without labels, to reconstruct the source images
    /// (two stride-2 convolutions and a linear layer to 128 values; denoising, Adam). Having to redraw the image, its
    /// code keeps the coarse layout and tones of a source image (where hair, face and background are, how light or dark
    /// each is), which a classifier of few identities may discard; L_CONST then asks G(s) to keep them.
    /// </summary>
    /// <param name="epochs">Passes of the autoencoder over the source images.</param>
    /// <returns>The encoder choice.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is not positive.</exception>
    public static DomainTransferEncoder SourceAutoencoder(int epochs = 50)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        return new($"the encoder of an autoencoder trained on the source images ({epochs} epochs)",
            source => TrainAutoencoder(source, epochs));
    }

    /// <summary>
    /// The encoder is the coarse luminance layout of the image, fixed rather than trained: the mean luminance of each
    /// cell of a <paramref name="cells"/> × <paramref name="cells"/> grid (BT.601 weights for colour), cells² features,
    /// and with <paramref name="contrast"/> as many more, each cell's mean local contrast (the luminance steps between
    /// neighbouring pixels, whichever side is the lighter). As <see cref="DomainTransferOptions.ConstancyEncoder"/>,
    /// with the features standardised per domain (the default), L_CONST asks each cell of G(s) to be as much lighter or
    /// darker than the target domain's mean at that place as the source image's cell is than the source's mean: light
    /// hair gives light hair, a dark face a dark face, across domains whose average pictures differ. Where the domains'
    /// grounds differ in tone (grey photographs on a dark ground, emoji on white) a face's outline is lighter than the
    /// ground in one and darker in the other, so the luminance alone would carry a face's width over reversed; the
    /// contrast marks an outline either way. It knows no identity, so it suits L_CONST beside an f that does, or an f
    /// for g alone when the layout is all that should carry over.
    /// </summary>
    /// <param name="cells">Cells along each side; it must divide the image's side (8 for 64×64 gives 8×8-pixel cells).</param>
    /// <param name="contrast">Whether each cell's local contrast follows the luminances.</param>
    /// <returns>The encoder choice.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cells"/> is not positive; one that does not divide the image is refused when training starts.</exception>
    public static DomainTransferEncoder LuminanceLayout(int cells = 8, bool contrast = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cells);
        var description = $"the luminance {(contrast ? "and contrast " : "")}layout ({cells}×{cells} cells)";
        return FixedLayout(description, image => Networks.LuminanceLayout.Create(image, cells, contrast));
    }

    /// <summary>
    /// The encoder is fixed rather than trained: the tone of each cell of a <paramref name="toneCells"/> grid (its mean
    /// luminance through a sigmoid), then the silhouette of each cell of a finer <paramref name="figureCells"/> grid:
    /// near 1 where the cell's mean luminance differs from the ground's (the two top corner cells) by more than a small
    /// step, lighter or darker, near 0 where it does not. A face lighter than a dark ground and one darker than a white
    /// ground have the same silhouette, so as <see cref="DomainTransferOptions.ConstancyEncoder"/>, with the features
    /// standardised per domain (the default), L_CONST asks G(s) to stand out from the target's ground where s stands
    /// out from the source's, more than the target's mean where s does more than the source's mean. It is meant to carry
    /// a head's outline (a narrow face, long hair, a bald crown) between grey photographs on a dark ground and emoji on
    /// white, which <see cref="LuminanceLayout"/>'s luminance would carry over reversed; that it does is not yet shown
    /// (BENCHMARKS.md, twelfth to fourteenth sessions: widths correlate at +0.096, against −0.174 with the luminance
    /// layout, and +0.25 with the luminance layout once the photographs' ground is whitened). Its tones are those of the
    /// luminance layout, through a sigmoid.
    /// </summary>
    /// <param name="toneCells">Tone cells along each side; it must divide <paramref name="figureCells"/>.</param>
    /// <param name="figureCells">Silhouette cells along each side, at least 2; it must divide the image's side.</param>
    /// <returns>The encoder choice.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="toneCells"/> is not positive or does not divide <paramref name="figureCells"/>, or
    /// <paramref name="figureCells"/> is under 2; one that does not divide the image is refused when training starts.
    /// </exception>
    public static DomainTransferEncoder SilhouetteLayout(int toneCells = 4, int figureCells = 8)
    {
        Networks.SilhouetteLayout.CheckCells(toneCells, figureCells);
        var description = $"the silhouette layout ({toneCells}×{toneCells} tone cells, {figureCells}×{figureCells} silhouette cells)";
        return FixedLayout(description, image => Networks.SilhouetteLayout.Create(image, toneCells, figureCells), shapeFeaturesFrom: toneCells * toneCells);
    }

    /// <summary>
    /// The encoder is fixed rather than trained: the tone of each cell of a <paramref name="toneCells"/> grid (the mean of
    /// σ(luminance) over it), then the head's width at each of <paramref name="bands"/> heights, from the top: the share
    /// of each horizontal band's pixels darker than white by more than a small step. It is meant for L_CONST between
    /// domains on a white ground (emoji; photographs whitened first with <c>mlContext.Data.WhitenGround</c>):
    /// with the features standardised per domain (the default), a head wider than the source's mean at a height asks
    /// G(s) for one as much wider than the target's mean there, so the outline from crown to chin carries over in a few
    /// numbers beside the tones, where <see cref="SilhouetteLayout"/>'s many outline cells outweigh its tones.
    /// </summary>
    /// <param name="toneCells">Tone cells along each side; it must divide <paramref name="bands"/>.</param>
    /// <param name="bands">Bands from top to bottom, at least 2; it must divide the image's side.</param>
    /// <returns>The encoder choice.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="toneCells"/> is not positive or does not divide <paramref name="bands"/>, or <paramref name="bands"/>
    /// is under 2; bands that do not divide the image are refused when training starts.
    /// </exception>
    public static DomainTransferEncoder WidthProfile(int toneCells = 4, int bands = 8)
    {
        Networks.WidthProfileLayout.CheckCells(toneCells, bands);
        var description = $"the width profile ({toneCells}×{toneCells} tone cells, {bands} bands)";
        return FixedLayout(description, image => Networks.WidthProfileLayout.Create(image, toneCells, bands), shapeFeaturesFrom: toneCells * toneCells);
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

    /// <summary>
    /// A fixed encoder with nothing to train: the layers <paramref name="create"/> builds for the run's images, on its
    /// device; its features from <paramref name="shapeFeaturesFrom"/> on describe shape, when that is given.
    /// </summary>
    private static DomainTransferEncoder FixedLayout(string description, Func<ImageShape, Sequential> create, int? shapeFeaturesFrom = null) =>
        new(description, source =>
        {
            var layers = create(source.Image).to(source.Device);
            return new FrozenEncoder(layers, source.Image, description, layers, shapeFeaturesFrom);
        }, separatesShape: shapeFeaturesFrom is not null);

    /// <summary>Builds and freezes f for a run.</summary>
    internal FrozenEncoder Create(EncoderSource source) => _create(source);

    private static FrozenEncoder TrainClassifier(EncoderSource source, DigitClassifierOptions settings, bool logits, string description)
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
            UnlabelledImages = settings.UnlabelledImages,
            UnlabelledColumnName = settings.UnlabelledColumnName ?? settings.InputColumnName,
            PseudoLabelConfidence = settings.PseudoLabelConfidence,
            CancellationToken = source.CancellationToken,
        };
        var network = DigitClassifierEstimator.TrainNetwork(source.Catalog, source.Source, source.Image, options, source.Seed, source.Device, source.Log);
        return Freeze(source, logits ? network.LogitLayers() : network.FeatureLayers, description, network);
    }

    private static FrozenEncoder TrainAutoencoder(EncoderSource source, int epochs)
    {
        using var reader = new PixelBatchReader(source.Source, source.ColumnName, AutoencoderBatchSize, source.Image, source.Seed);
        manual_seed(source.Seed);
        var network = new ConvolutionalAutoencoder(source.Image);
        try
        {
            network.to(source.Device);
            using (var training = new AutoencoderTraining(network, "Encoder autoencoder", reader, images => images.div(127.5).sub_(1),
                AutoencoderLearningRate, AutoencoderInputNoise, source.Device))
            {
                training.Run(epochs, source.Log, source.CancellationToken);
            }
            return Freeze(source, network.Encoder, "the encoder of an autoencoder trained on the source images", network);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Freezes layers trained here on the source images; when those were grey, replicated to a colour target's
    /// channels, their first convolution is first made to read colour images by luminance (<see cref="LuminanceInput"/>).
    /// </summary>
    private static FrozenEncoder Freeze(EncoderSource source, Sequential layers, string description, IDisposable owner)
    {
        if (source.SourceChannels == 1 && source.Image.Channels > 1)
        {
            LuminanceInput.Apply(layers);
        }
        return new FrozenEncoder(layers, source.Image, description, owner);
    }
}
