using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// Makes an encoder trained on grey images replicated to every channel read colour images by their luminance. Trained
/// that way, every channel of a first-layer kernel gets the same updates, so only their sum is learned and the way it
/// splits across the channels stays at its random start: colour images would be read through random colour filters.
/// Giving each channel the summed kernel times the channel's luminance weight (ITU-R BT.601 for three channels, equal
/// weights otherwise) leaves the encoder's output on grey images as it was and makes it read a colour image's luminance.
/// </summary>
internal static class LuminanceInput
{
    private static readonly float[] Bt601 = [0.299f, 0.587f, 0.114f];

    /// <summary>Rewrites the kernels of the first convolution of <paramref name="layers"/> in place.</summary>
    /// <exception cref="ArgumentException">The layers have no convolution.</exception>
    public static void Apply(Sequential layers)
    {
        var first = layers.modules().OfType<Conv2d>().FirstOrDefault()
            ?? throw new ArgumentException("The encoder has no convolution whose input channels could be tied.", nameof(layers));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var weight = first.weight!;
        var channels = weight.shape[1];
        var shares = Shares(channels, weight.device);
        weight.copy_(weight.sum(1, keepdim: true).mul(shares.view(1, channels, 1, 1)));
    }

    /// <summary>Each channel's share of the luminance, [channels] on <paramref name="device"/>: BT.601 for three channels, equal shares otherwise.</summary>
    public static Tensor Shares(long channels, Device device) => tensor(ChannelShares((int)channels)).to(device);

    /// <summary>Each channel's share of the luminance: BT.601 for three channels, equal shares otherwise.</summary>
    public static float[] ChannelShares(int channels) =>
        channels == Bt601.Length ? [.. Bt601] : Enumerable.Repeat(1f / channels, channels).ToArray();
}
