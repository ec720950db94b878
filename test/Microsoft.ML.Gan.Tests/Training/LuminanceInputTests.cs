using Microsoft.ML.Gan.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Tests.Training;

/// <summary>An encoder trained on grey images replicated to three channels, made to read colour by luminance.</summary>
[TestClass]
public sealed class LuminanceInputTests
{
    private static TorchSharp.Modules.Sequential Encoder() => Sequential(
        ("convolution", Conv2d(3, 4, 3, padding: 1)),
        ("relu", ReLU()),
        ("flatten", Flatten()),
        ("linear", Linear(4 * 8 * 8, 5)));

    [TestMethod]
    public void GreyImagesGiveWhatTheyGaveAndColourImagesWhatTheirLuminanceGives()
    {
        manual_seed(7);
        using var scope = NewDisposeScope();
        using var encoder = Encoder();
        using var noGrad = no_grad();
        var grey = (rand(2, 1, 8, 8) * 2 - 1).expand(2, 3, 8, 8);
        var before = encoder.forward(grey);

        LuminanceInput.Apply(encoder);

        Assert.IsTrue(encoder.forward(grey).allclose(before, 1e-5, 1e-5), "the output on grey images changed");
        var colour = rand(2, 3, 8, 8) * 2 - 1;
        var luminance = (colour * tensor(new[] { 0.299f, 0.587f, 0.114f }).view(1, 3, 1, 1)).sum(1, keepdim: true).expand(2, 3, 8, 8);
        Assert.IsTrue(encoder.forward(colour).allclose(encoder.forward(luminance), 1e-5, 1e-5), "colour is read other than by its luminance");
        Assert.IsFalse(encoder.forward(colour).allclose(before, 1e-3, 1e-3), "the test's colour images give the grey images' output");
    }

    [TestMethod]
    public void LayersWithoutAConvolutionAreRefused()
    {
        using var layers = Sequential(("flatten", Flatten()), ("linear", Linear(12, 2)));

        var error = Assert.ThrowsExactly<ArgumentException>(() => LuminanceInput.Apply(layers));

        StringAssert.Contains(error.Message, "convolution");
    }
}
