using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Networks;

/// <summary>The DCGAN paper's initialisation: convolution weights N(0, 0.02), batch-norm scales N(1, 0.02), biases 0.</summary>
internal static class DcganInitialization
{
    private const double Deviation = 0.02;

    /// <summary>Initialises every convolution and batch-norm layer of <paramref name="module"/> in place.</summary>
    public static void Apply(nn.Module module)
    {
        using var noGrad = no_grad();
        foreach (var (_, child) in module.named_modules())
        {
            switch (child)
            {
                case TorchSharp.Modules.Conv2d conv:
                    nn.init.normal_(conv.weight, 0, Deviation);
                    break;
                case TorchSharp.Modules.ConvTranspose2d deconv:
                    nn.init.normal_(deconv.weight, 0, Deviation);
                    break;
                case TorchSharp.Modules.BatchNorm2d norm:
                    nn.init.normal_(norm.weight, 1, Deviation);
                    nn.init.zeros_(norm.bias);
                    break;
            }
        }
    }
}
