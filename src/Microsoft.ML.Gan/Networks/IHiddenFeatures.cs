using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Networks;

/// <summary>A discriminator whose last hidden layer can be read, as the generator's feature-matching objective reads it.</summary>
internal interface IHiddenFeatures
{
    /// <summary>The last hidden layer's activations of images [N, C, H, W] in [-1, 1], flattened: [N, features].</summary>
    Tensor LastHiddenFeatures(Tensor images);
}
