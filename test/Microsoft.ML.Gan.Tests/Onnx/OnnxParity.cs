using Microsoft.ML.Gan.Onnx;
using Microsoft.ML.OnnxRuntime;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Onnx;

/// <summary>Runs a TorchSharp forward pass and its exported ONNX graph on the same input and compares them.</summary>
internal static class OnnxParity
{
    /// <summary>The graph input name used by parity graphs.</summary>
    public const string InputName = "x";

    /// <summary>The graph output name used by parity graphs.</summary>
    public const string OutputName = "y";

    /// <summary>
    /// Exports <paramref name="export"/> as a graph x → y, runs it with ONNX Runtime and asserts that its output has
    /// the shape of <paramref name="forward"/>'s and differs by at most <paramref name="tolerance"/>.
    /// </summary>
    /// <param name="input">The input, batch dimension included.</param>
    /// <param name="forward">The TorchSharp computation (run under no_grad).</param>
    /// <param name="export">Adds the same computation to the builder, from the input tensor's name.</param>
    /// <param name="tolerance">The largest allowed absolute difference.</param>
    /// <returns>The maximum absolute difference found.</returns>
    public static float AssertParity(Tensor input, Func<Tensor, Tensor> forward, Func<OnnxGraphBuilder, string, string> export, float tolerance)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor expected = forward(input);

        var builder = new OnnxGraphBuilder("parity");
        string y = export(builder, builder.Input(InputName, input.shape));
        builder.Output(y, OutputName, expected.shape);
        (float[] actual, long[] actualShape) = Run(builder.ToBytes(), Values(input), input.shape);

        CollectionAssert.AreEqual(expected.shape, actualShape, "ONNX output shape differs from TorchSharp's.");
        float difference = MaxAbsDifference(Values(expected), actual);
        Assert.IsLessThanOrEqualTo(tolerance, difference, $"Max abs difference {difference} exceeds {tolerance}.");
        return difference;
    }

    /// <summary>Runs a single-input, single-output model with ONNX Runtime.</summary>
    /// <param name="model">The model bytes.</param>
    /// <param name="input">The input values.</param>
    /// <param name="dims">The input shape.</param>
    /// <param name="inputName">The graph input's name.</param>
    /// <param name="outputName">The graph output's name.</param>
    /// <returns>The output values and shape.</returns>
    public static (float[] Values, long[] Shape) Run(byte[] model, float[] input, long[] dims, string inputName = InputName, string outputName = OutputName)
    {
        using var session = new InferenceSession(model);
        using var runOptions = new RunOptions();
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, dims);
        using var outputs = session.Run(runOptions, [inputName], [inputValue], [outputName]);
        OrtValue output = outputs[0];
        return (output.GetTensorDataAsSpan<float>().ToArray(), output.GetTensorTypeAndShape().Shape);
    }

    /// <summary>Copies a float tensor's values in row-major order.</summary>
    /// <param name="tensor">The tensor.</param>
    /// <returns>The values.</returns>
    public static float[] Values(Tensor tensor)
    {
        using var contiguous = tensor.detach().contiguous();
        return contiguous.data<float>().ToArray();
    }

    /// <summary>The largest absolute element-wise difference of two equally long arrays.</summary>
    /// <param name="expected">The reference values.</param>
    /// <param name="actual">The values to check.</param>
    /// <returns>The maximum absolute difference.</returns>
    public static float MaxAbsDifference(float[] expected, float[] actual)
    {
        Assert.HasCount(expected.Length, actual);
        float max = 0;
        for (int i = 0; i < expected.Length; i++)
            max = Math.Max(max, Math.Abs(expected[i] - actual[i]));
        return max;
    }
}
