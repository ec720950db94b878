using Microsoft.ML.Gan.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// A LeNet-like image classifier: two 5×5 convolutions (zero padding 2) with ReLU and 2×2 max pooling, a hidden
/// fully-connected layer with ReLU (the features the metrics use), and a linear layer to one logit per class.
/// </summary>
internal sealed class DigitClassifierNetwork : Module<Tensor, Tensor>
{
    /// <summary>Side of the convolution kernels.</summary>
    public const int KernelSize = 5;

    /// <summary>Side of the max-pooling windows.</summary>
    public const int PoolSize = 2;

    /// <summary>Channels of the first convolution.</summary>
    public const int Channels1 = 16;

    /// <summary>Channels of the second convolution.</summary>
    public const int Channels2 = 32;

    /// <summary>Length of the feature vector (the hidden fully-connected layer).</summary>
    public const int FeatureCount = 128;

    private readonly Sequential _featureLayers;
    private readonly Linear _output;

    /// <summary>Builds the network for images of <paramref name="image"/> and <paramref name="classCount"/> classes, with torch's seeded default initialisation.</summary>
    public DigitClassifierNetwork(ImageShape image, int classCount) : base(nameof(DigitClassifierNetwork))
    {
        var pooledHeight = image.Height / PoolSize / PoolSize;
        var pooledWidth = image.Width / PoolSize / PoolSize;
        if (pooledHeight == 0 || pooledWidth == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(image),
                $"The classifier pools twice by {PoolSize}: expected images of at least {PoolSize * PoolSize}×{PoolSize * PoolSize}; found {image}.");
        }
        Image = image;
        ClassCount = classCount;
        _featureLayers = Sequential(
            ("convolution1", Conv2d(image.Channels, Channels1, KernelSize, padding: KernelSize / 2)),
            ("relu1", ReLU()),
            ("pool1", MaxPool2d(PoolSize)),
            ("convolution2", Conv2d(Channels1, Channels2, KernelSize, padding: KernelSize / 2)),
            ("relu2", ReLU()),
            ("pool2", MaxPool2d(PoolSize)),
            ("flatten", Flatten()),
            ("hidden", Linear(Channels2 * pooledHeight * pooledWidth, FeatureCount)),
            ("relu3", ReLU()));
        _output = Linear(FeatureCount, classCount);
        RegisterComponents();
    }

    /// <summary>The image shape the network reads.</summary>
    public ImageShape Image { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>
    /// The layers from the image to the features: two convolutions with ReLU and max pooling, then the hidden
    /// fully-connected layer with ReLU. Also the encoder f of a Domain Transfer Network.
    /// </summary>
    public Sequential FeatureLayers => _featureLayers;

    /// <summary>The output layer: features to logits.</summary>
    public Linear Output => _output;

    /// <summary>The feature layers, then the output layer, in one <see cref="TorchSharp.Modules.Sequential"/> that shares their modules: images to class logits.</summary>
    public Sequential LogitLayers() =>
        Sequential([.. _featureLayers.named_children().Select(child => (child.name, (Module<Tensor, Tensor>)child.module)), ("output", _output)]);

    /// <summary>Maps images [N, C, H, W] in [-1, 1] to class logits [N, classes].</summary>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return _output.forward(Features(images)).MoveToOuterDisposeScope();
    }

    /// <summary>Maps images [N, C, H, W] in [-1, 1] to features [N, <see cref="FeatureCount"/>].</summary>
    public Tensor Features(Tensor images) => _featureLayers.forward(images);
}
