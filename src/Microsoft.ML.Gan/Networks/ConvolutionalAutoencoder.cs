using Microsoft.ML.Gan.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// A small convolutional autoencoder for images in [-1, 1]: two stride-2 4×4 convolutions with LeakyReLU(0.2) and a
/// linear layer to a code of <see cref="CodeSize"/> values (the encoder), then the mirror image with transposed
/// convolutions and a Tanh (the decoder). Having to reconstruct the image, its code keeps the coarse layout and tones
/// that a classifier may discard.
/// </summary>
internal sealed class ConvolutionalAutoencoder : Module<Tensor, Tensor>
{
    /// <summary>Length of the code.</summary>
    public const int CodeSize = 128;

    /// <summary>By how much the two convolutions shrink each side.</summary>
    public const int Reduction = 4;

    private const int Channels1 = 32;
    private const int Channels2 = 64;
    private const int KernelSize = 4;

    private readonly Sequential _encoder;
    private readonly Sequential _decoder;

    /// <summary>Builds the network for images of <paramref name="image"/>, with torch's seeded default initialisation.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A side of the image is not a multiple of <see cref="Reduction"/>.</exception>
    public ConvolutionalAutoencoder(ImageShape image) : base(nameof(ConvolutionalAutoencoder))
    {
        if (image.Height % Reduction != 0 || image.Width % Reduction != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(image),
                $"The autoencoder halves each side twice: expected images whose sides are multiples of {Reduction}; found {image}.");
        }
        var height = image.Height / Reduction;
        var width = image.Width / Reduction;
        _encoder = Sequential(
            ("convolution1", Conv2d(image.Channels, Channels1, KernelSize, stride: 2, padding: 1)),
            ("leaky1", LeakyReLU(0.2)),
            ("convolution2", Conv2d(Channels1, Channels2, KernelSize, stride: 2, padding: 1)),
            ("leaky2", LeakyReLU(0.2)),
            ("flatten", Flatten()),
            ("code", Linear(Channels2 * height * width, CodeSize)));
        _decoder = Sequential(
            ("expand", Linear(CodeSize, Channels2 * height * width)),
            ("relu0", ReLU()),
            ("unflatten", Unflatten(1, [Channels2, height, width])),
            ("deconvolution1", ConvTranspose2d(Channels2, Channels1, KernelSize, stride: 2, padding: 1)),
            ("relu1", ReLU()),
            ("deconvolution2", ConvTranspose2d(Channels1, image.Channels, KernelSize, stride: 2, padding: 1)),
            ("tanh", Tanh()));
        RegisterComponents();
    }

    /// <summary>The layers from images [N, C, H, W] to codes [N, <see cref="CodeSize"/>].</summary>
    public Sequential Encoder => _encoder;

    /// <summary>Reconstructs images [N, C, H, W] in [-1, 1].</summary>
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        return _decoder.forward(_encoder.forward(images)).MoveToOuterDisposeScope();
    }
}
