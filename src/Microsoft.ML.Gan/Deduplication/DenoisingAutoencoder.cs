using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Microsoft.ML.Gan.Deduplication;

/// <summary>
/// The DCGAN paper's de-duplication autoencoder: input (C×32×32 values in 0..1) centred on the training set's mean →
/// 128 ReLU code units → dropout → a sigmoid reconstruction of the input. Its code, binarised, is the semantic hash.
/// Centring keeps the code units alive on images with a bright background (without it every unit of the emoji set
/// ended below zero: all hashes equal).
/// </summary>
internal sealed class DenoisingAutoencoder : Module<Tensor, Tensor>
{
    private readonly Linear _encoder;
    private readonly Dropout _dropout;
    private readonly Linear _decoder;
    private readonly Tensor _inputMean;

    /// <summary>Builds the network for inputs of <paramref name="inputMean"/>'s length (which it takes), with torch's seeded default initialisation.</summary>
    public DenoisingAutoencoder(Tensor inputMean, double dropout) : base(nameof(DenoisingAutoencoder))
    {
        var inputSize = (int)inputMean.shape[0];
        _inputMean = inputMean;
        register_buffer("input_mean", inputMean);
        _encoder = Linear(inputSize, DeduplicationOptions.CodeSize);
        _dropout = Dropout(dropout);
        _decoder = Linear(DeduplicationOptions.CodeSize, inputSize);
        RegisterComponents();
    }

    /// <summary>Reconstructs inputs [N, inputSize]; dropout acts on the code in training mode.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return _decoder.forward(_dropout.forward(Code(input))).sigmoid().MoveToOuterDisposeScope();
    }

    /// <summary>The code layer's ReLU activations [N, <see cref="DeduplicationOptions.CodeSize"/>].</summary>
    public Tensor Code(Tensor input)
    {
        using var scope = NewDisposeScope();
        return functional.relu(_encoder.forward(input.sub(_inputMean))).MoveToOuterDisposeScope();
    }
}
