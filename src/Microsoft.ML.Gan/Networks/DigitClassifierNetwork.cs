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

    private readonly Conv2d _convolution1;
    private readonly Conv2d _convolution2;
    private readonly Linear _hidden;
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
        _convolution1 = Conv2d(image.Channels, Channels1, KernelSize, padding: KernelSize / 2);
        _convolution2 = Conv2d(Channels1, Channels2, KernelSize, padding: KernelSize / 2);
        _hidden = Linear(Channels2 * pooledHeight * pooledWidth, FeatureCount);
        _output = Linear(FeatureCount, classCount);
        RegisterComponents();
    }

    /// <summary>The image shape the network reads.</summary>
    public ImageShape Image { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>The first convolution.</summary>
    public Conv2d Convolution1 => _convolution1;

    /// <summary>The second convolution.</summary>
    public Conv2d Convolution2 => _convolution2;

    /// <summary>The hidden fully-connected layer, whose ReLU output is the features.</summary>
    public Linear Hidden => _hidden;

    /// <summary>The output layer: features to logits.</summary>
    public Linear Output => _output;

    /// <summary>Maps images [N, C, H, W] in [-1, 1] to class logits [N, classes].</summary>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return _output.forward(Features(images)).MoveToOuterDisposeScope();
    }

    /// <summary>Maps images [N, C, H, W] in [-1, 1] to features [N, <see cref="FeatureCount"/>].</summary>
    public Tensor Features(Tensor images)
    {
        using var scope = NewDisposeScope();
        var x = functional.max_pool2d(functional.relu(_convolution1.forward(images)), PoolSize);
        x = functional.max_pool2d(functional.relu(_convolution2.forward(x)), PoolSize);
        return functional.relu(_hidden.forward(x.flatten(1))).MoveToOuterDisposeScope();
    }
}
