using TorchSharp;
using static TorchSharp.torch;
using TorchModules = TorchSharp.Modules;

namespace Microsoft.ML.Gan.Onnx;

/// <summary>
/// Builds an ONNX inference graph (IR 7, opset 13, float32) one operation at a time. Every method takes the names of
/// its input tensors and returns the name of the tensor it produces, so a network's forward pass reads as a chain of
/// calls; node, tensor and initializer names are generated and unique. TorchSharp cannot export ONNX, so the library
/// writes its networks' inference graphs with this builder, copying the weights out of the modules.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    private readonly string _graphName;
    private readonly List<OnnxNode> _nodes = [];
    private readonly List<OnnxTensor> _initializers = [];
    private readonly List<OnnxValueInfo> _inputs = [];
    private readonly List<OnnxValueInfo> _outputs = [];
    private readonly HashSet<string> _tensorNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nodeNames = new(StringComparer.Ordinal);
    private int _nextId;

    /// <summary>Creates an empty graph.</summary>
    /// <param name="graphName">The graph's name, stored in the model.</param>
    public OnnxGraphBuilder(string graphName = "graph")
    {
        ArgumentException.ThrowIfNullOrEmpty(graphName);
        _graphName = graphName;
    }

    /// <summary>Declares a float graph input of a fixed shape.</summary>
    /// <param name="name">The input's name: what ONNX Runtime and ML.NET's OnnxTransformer bind the input column to.</param>
    /// <param name="dims">The fixed shape, batch dimension (1) included.</param>
    /// <returns><paramref name="name"/>.</returns>
    public string Input(string name, params long[] dims)
    {
        CheckShape(dims);
        ClaimTensorName(name);
        _inputs.Add(new OnnxValueInfo(name, [.. dims]));
        return name;
    }

    /// <summary>Declares a float graph output, renaming <paramref name="tensorName"/> through an <c>Identity</c> node.</summary>
    /// <param name="tensorName">The tensor to expose.</param>
    /// <param name="outputName">The output's name: what ML.NET's OnnxTransformer calls the output column.</param>
    /// <param name="dims">The fixed shape of the tensor, batch dimension included.</param>
    /// <returns><paramref name="outputName"/>.</returns>
    public string Output(string tensorName, string outputName, params long[] dims)
    {
        CheckShape(dims);
        ClaimTensorName(outputName);
        AddNode("Identity", [tensorName], outputName, []);
        _outputs.Add(new OnnxValueInfo(outputName, [.. dims]));
        return outputName;
    }

    /// <summary>Adds a float constant.</summary>
    /// <param name="values">The values in row-major order.</param>
    /// <param name="dims">The shape; empty for a scalar.</param>
    /// <returns>The constant's name.</returns>
    public string Initializer(float[] values, long[] dims)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(dims);
        string name = NewTensorName("init");
        _initializers.Add(OnnxTensor.FromFloats(name, values, dims));
        return name;
    }

    /// <summary>Adds a float constant holding a copy of a TorchSharp tensor (any device or dtype; converted to float32).</summary>
    /// <param name="tensor">The tensor to copy.</param>
    /// <returns>The constant's name.</returns>
    public string Initializer(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var scope = torch.NewDisposeScope();
        Tensor values = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous();
        return Initializer(values.data<float>().ToArray(), values.shape);
    }

    /// <summary>Adds a one-dimensional int64 constant (shapes, slice bounds, axes).</summary>
    /// <param name="values">The values.</param>
    /// <returns>The constant's name.</returns>
    public string Int64Initializer(params long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string name = NewTensorName("init");
        _initializers.Add(OnnxTensor.FromInt64s(name, values, [values.Length]));
        return name;
    }

    /// <summary>A 2-D convolution with the module's weights, stride and zero padding.</summary>
    /// <param name="x">The NCHW input tensor.</param>
    /// <param name="conv">The module; dilation 1, one group, zero padding mode, the same stride and padding on both axes.</param>
    /// <returns>The output tensor's name.</returns>
    public string Conv2d(string x, TorchModules.Conv2d conv)
    {
        (int stride, int padding, _) = SquareGeometry(conv);
        return Conv2d(x, conv.weight, conv.bias, stride, padding);
    }

    /// <summary>A 2-D convolution from explicit weights, e.g. weights rescaled at run time (spectral norm, equalized learning rate).</summary>
    /// <param name="x">The NCHW input tensor.</param>
    /// <param name="weight">The weight, shaped [out, in, kH, kW] as in PyTorch.</param>
    /// <param name="bias">The bias, shaped [out], or <see langword="null"/>.</param>
    /// <param name="stride">The stride on both axes.</param>
    /// <param name="padding">The zero padding on every side.</param>
    /// <returns>The output tensor's name.</returns>
    public string Conv2d(string x, Tensor weight, Tensor? bias, int stride, int padding) =>
        Convolution("Conv", x, weight, bias, stride, padding, outputPadding: 0);

    /// <summary>A 2-D transposed convolution with the module's weights, stride, padding and output padding.</summary>
    /// <param name="x">The NCHW input tensor.</param>
    /// <param name="conv">The module; dilation 1, one group, the same stride and padding on both axes.</param>
    /// <returns>The output tensor's name.</returns>
    public string ConvTranspose2d(string x, TorchModules.ConvTranspose2d conv)
    {
        (int stride, int padding, int outputPadding) = SquareGeometry(conv);
        return ConvTranspose2d(x, conv.weight, conv.bias, stride, padding, outputPadding);
    }

    /// <summary>A 2-D transposed convolution from explicit weights.</summary>
    /// <param name="x">The NCHW input tensor.</param>
    /// <param name="weight">The weight, shaped [in, out, kH, kW] as in PyTorch.</param>
    /// <param name="bias">The bias, shaped [out], or <see langword="null"/>.</param>
    /// <param name="stride">The stride on both axes.</param>
    /// <param name="padding">The padding removed from every side of the full output.</param>
    /// <param name="outputPadding">The extra size added to one side of each spatial axis.</param>
    /// <returns>The output tensor's name.</returns>
    public string ConvTranspose2d(string x, Tensor weight, Tensor? bias, int stride, int padding, int outputPadding = 0) =>
        Convolution("ConvTranspose", x, weight, bias, stride, padding, outputPadding);

    /// <summary>Batch normalization in eval mode, with the module's running statistics, affine parameters and epsilon.</summary>
    /// <param name="x">The NCHW input tensor.</param>
    /// <param name="norm">The module; it must track running statistics.</param>
    /// <returns>The output tensor's name.</returns>
    public string BatchNorm2d(string x, TorchModules.BatchNorm2d norm) => BatchNorm(x, norm);

    /// <summary>Batch normalization of features [N, F] in eval mode, with the module's running statistics, affine parameters and epsilon.</summary>
    /// <param name="x">The [N, F] input tensor (ONNX normalises axis 1 of any rank).</param>
    /// <param name="norm">The module; it must track running statistics.</param>
    /// <returns>The output tensor's name.</returns>
    public string BatchNorm1d(string x, TorchModules.BatchNorm1d norm) => BatchNorm(x, norm);

    /// <summary>Batch normalization in eval mode from explicit statistics and parameters.</summary>
    /// <param name="x">The NCHW input tensor.</param>
    /// <param name="weight">The per-channel scale (gamma), or <see langword="null"/> for ones.</param>
    /// <param name="bias">The per-channel shift (beta), or <see langword="null"/> for zeros.</param>
    /// <param name="runningMean">The per-channel running mean.</param>
    /// <param name="runningVar">The per-channel running variance.</param>
    /// <param name="eps">The epsilon added to the variance.</param>
    /// <returns>The output tensor's name.</returns>
    public string BatchNorm2d(string x, Tensor? weight, Tensor? bias, Tensor runningMean, Tensor runningVar, double eps)
    {
        ArgumentNullException.ThrowIfNull(runningMean);
        ArgumentNullException.ThrowIfNull(runningVar);
        long channels = runningMean.shape[0];
        string scale = weight is null ? Initializer(Filled(channels, 1f), [channels]) : Initializer(weight);
        string shift = bias is null ? Initializer(Filled(channels, 0f), [channels]) : Initializer(bias);
        return Node("BatchNormalization", [x, scale, shift, Initializer(runningMean), Initializer(runningVar)],
            OnnxAttribute.Float("epsilon", (float)eps));
    }

    /// <summary>A fully connected layer with the module's weights (<c>Gemm</c> with transB=1).</summary>
    /// <param name="x">The [N, in] input tensor.</param>
    /// <param name="linear">The module.</param>
    /// <returns>The output tensor's name.</returns>
    public string Linear(string x, TorchModules.Linear linear)
    {
        ArgumentNullException.ThrowIfNull(linear);
        return Linear(x, linear.weight, linear.bias);
    }

    /// <summary>A fully connected layer from explicit weights (<c>Gemm</c> with transB=1).</summary>
    /// <param name="x">The [N, in] input tensor.</param>
    /// <param name="weight">The weight, shaped [out, in] as in PyTorch.</param>
    /// <param name="bias">The bias, shaped [out], or <see langword="null"/>.</param>
    /// <returns>The output tensor's name.</returns>
    public string Linear(string x, Tensor weight, Tensor? bias)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.dim() != 2)
            throw new ArgumentException($"A linear weight must be [out, in]; found {weight.dim()} dimensions.", nameof(weight));
        List<string> inputs = [x, Initializer(weight)];
        if (bias is not null)
            inputs.Add(Initializer(bias));
        return Node("Gemm", inputs, OnnxAttribute.Int("transB", 1));
    }

    /// <summary>max(x, 0).</summary>
    /// <param name="x">The input tensor.</param>
    /// <returns>The output tensor's name.</returns>
    public string Relu(string x) => Node("Relu", [x]);

    /// <summary>x for x ≥ 0, <paramref name="alpha"/>·x otherwise.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="alpha">The negative slope.</param>
    /// <returns>The output tensor's name.</returns>
    public string LeakyRelu(string x, float alpha) => Node("LeakyRelu", [x], OnnxAttribute.Float("alpha", alpha));

    /// <summary>The hyperbolic tangent.</summary>
    /// <param name="x">The input tensor.</param>
    /// <returns>The output tensor's name.</returns>
    public string Tanh(string x) => Node("Tanh", [x]);

    /// <summary>The logistic sigmoid.</summary>
    /// <param name="x">The input tensor.</param>
    /// <returns>The output tensor's name.</returns>
    public string Sigmoid(string x) => Node("Sigmoid", [x]);

    /// <summary>The softmax over the last axis (probabilities from logits).</summary>
    /// <param name="x">The input tensor.</param>
    /// <returns>The output tensor's name.</returns>
    public string Softmax(string x) => Node("Softmax", [x], OnnxAttribute.Int("axis", -1));

    /// <summary>Non-overlapping max pooling, as <c>torch.nn.functional.max_pool2d(x, kernel)</c>: the stride is the kernel, partial windows are dropped.</summary>
    /// <param name="x">The NCHW input tensor.</param>
    /// <param name="kernel">The window's side.</param>
    /// <returns>The output tensor's name.</returns>
    public string MaxPool2d(string x, int kernel)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernel);
        return MaxPool(x, kernel, kernel);
    }

    /// <summary>Reshapes to a fixed shape (ONNX semantics: 0 copies the input dimension, -1 is inferred).</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="shape">The new shape.</param>
    /// <returns>The output tensor's name.</returns>
    public string Reshape(string x, params long[] shape) => Node("Reshape", [x, Int64Initializer(shape)]);

    /// <summary>Flattens every dimension after the batch dimension: [N, ...] to [N, rest].</summary>
    /// <param name="x">The input tensor.</param>
    /// <returns>The output tensor's name.</returns>
    public string Flatten(string x) => Node("Flatten", [x], OnnxAttribute.Int("axis", 1));

    /// <summary>Clamps to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound.</param>
    /// <returns>The output tensor's name.</returns>
    public string Clip(string x, float min, float max)
    {
        if (min > max)
            throw new ArgumentException($"Clip needs min ≤ max; found min {min} and max {max}.", nameof(min));
        return Node("Clip", [x, Scalar(min), Scalar(max)]);
    }

    /// <summary>x·<paramref name="scale"/> + <paramref name="shift"/>, e.g. pixels 0..255 to [-1, 1] and back.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="scale">The factor.</param>
    /// <param name="shift">The offset added after scaling.</param>
    /// <returns>The output tensor's name.</returns>
    public string Affine(string x, float scale, float shift) =>
        Node("Add", [Node("Mul", [x, Scalar(scale)]), Scalar(shift)]);

    /// <summary>Multiplies by a constant that broadcasts, e.g. a [1, C, 1, 1] channel mask.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="values">The constant's values in row-major order.</param>
    /// <param name="dims">The constant's shape.</param>
    /// <returns>The output tensor's name.</returns>
    public string Multiply(string x, float[] values, long[] dims) => Node("Mul", [x, Initializer(values, dims)]);
    /// <summary>
    /// Nearest-neighbour upsampling of an NCHW tensor by an integer <paramref name="factor"/> (as repeating every pixel),
    /// written as Reshape → Expand → Reshape so no Resize attributes need to match PyTorch's.
    /// </summary>
    /// <param name="x">The input tensor, [1, channels, height, width].</param>
    /// <param name="channels">The channels.</param>
    /// <param name="height">The input height.</param>
    /// <param name="width">The input width.</param>
    /// <param name="factor">The upsampling factor, at least 1.</param>
    /// <returns>The output tensor's name, [1, channels, height·factor, width·factor].</returns>
    public string NearestUpsample(string x, long channels, long height, long width, int factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        if (factor == 1)
            return x;
        var split = Reshape(x, 1, channels, height, 1, width, 1);
        var repeated = Node("Expand", [split, Int64Initializer(1, channels, height, factor, width, factor)]);
        return Reshape(repeated, 1, channels, height * factor, width * factor);
    }

    /// <summary>Averages every <paramref name="kernel"/>×<paramref name="kernel"/> square (stride = kernel), as <c>avg_pool2d</c>.</summary>
    /// <param name="x">The NCHW input tensor.</param>
    /// <param name="kernel">The kernel side and stride.</param>
    /// <returns>The output tensor's name.</returns>
    public string AveragePool(string x, int kernel)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernel);
        return kernel == 1 ? x : Node("AveragePool", [x], OnnxAttribute.Ints("kernel_shape", kernel, kernel), OnnxAttribute.Ints("strides", kernel, kernel));
    }

    /// <summary>Pixelwise feature normalisation over axis 1: x / √(mean(x², axis 1) + <paramref name="epsilon"/>).</summary>
    /// <param name="x">The input tensor, [N, C] or [N, C, H, W].</param>
    /// <param name="epsilon">The ε under the square root.</param>
    /// <returns>The output tensor's name.</returns>
    public string PixelNorm(string x, float epsilon)
    {
        var meanSquare = Node("ReduceMean", [Node("Mul", [x, x])], OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 1));
        return Node("Div", [x, Node("Sqrt", [Node("Add", [meanSquare, Scalar(epsilon)])])]);
    }

    /// <summary>Concatenates tensors along an axis.</summary>
    /// <param name="axis">The axis.</param>
    /// <param name="inputs">The tensors, at least one.</param>
    /// <returns>The output tensor's name.</returns>
    public string Concat(int axis, params string[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfZero(inputs.Length, nameof(inputs));
        return Node("Concat", inputs, OnnxAttribute.Int("axis", axis));
    }

    /// <summary>
    /// Exactly <c>torch.nn.functional.adaptive_max_pool2d</c>, including sizes that do not divide: PyTorch's bin i
    /// covers [floor(i·In/Out), ceil((i+1)·In/Out)), so bins may overlap and differ in size, which no single ONNX
    /// MaxPool expresses. Max is separable over a rectangle, so each axis is pooled on its own: a MaxPool where the
    /// size divides, Slice + ReduceMax + Concat per bin where it does not.
    /// </summary>
    /// <param name="x">The NCHW input tensor.</param>
    /// <param name="inH">The input height.</param>
    /// <param name="inW">The input width.</param>
    /// <param name="outH">The output height.</param>
    /// <param name="outW">The output width.</param>
    /// <returns>The output tensor's name.</returns>
    public string AdaptiveMaxPool2d(string x, int inH, int inW, int outH, int outW)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inH);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inW);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outH);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outW);
        if (inH % outH == 0 && inW % outW == 0)
            return MaxPool(x, inH / outH, inW / outW);
        return AdaptiveMaxPoolAxis(AdaptiveMaxPoolAxis(x, 2, inH, outH), 3, inW, outW);
    }

    /// <summary>Encodes the graph as ONNX <c>ModelProto</c> bytes.</summary>
    /// <returns>The model bytes.</returns>
    public byte[] ToBytes()
    {
        if (_inputs.Count == 0 || _outputs.Count == 0)
            throw new InvalidOperationException($"A model needs at least one input and one output; found {_inputs.Count} and {_outputs.Count}.");
        return OnnxModelEncoder.Encode(_graphName, _nodes, _initializers, _inputs, _outputs);
    }

    /// <summary>Writes the model to a file.</summary>
    /// <param name="path">The .onnx file to create or overwrite.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, ToBytes());
    }

    private string BatchNorm(string x, TorchModules.BatchNorm norm)
    {
        ArgumentNullException.ThrowIfNull(norm);
        if (norm.running_mean is null || norm.running_var is null)
            throw new NotSupportedException("Only batch norm with running statistics (track_running_stats) can be exported: eval mode uses them.");
        return BatchNorm2d(x, norm.weight, norm.bias, norm.running_mean, norm.running_var, norm.eps);
    }

    private string Convolution(string opType, string x, Tensor weight, Tensor? bias, int stride, int padding, int outputPadding)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        ArgumentOutOfRangeException.ThrowIfNegative(outputPadding);
        if (weight.dim() != 4)
            throw new ArgumentException($"A 2-D convolution weight must have 4 dimensions; found {weight.dim()}.", nameof(weight));
        List<string> inputs = [x, Initializer(weight)];
        if (bias is not null)
            inputs.Add(Initializer(bias));
        List<OnnxAttribute> attributes =
        [
            OnnxAttribute.Ints("kernel_shape", weight.shape[2], weight.shape[3]),
            OnnxAttribute.Ints("strides", stride, stride),
            OnnxAttribute.Ints("pads", padding, padding, padding, padding),
        ];
        if (outputPadding != 0)
            attributes.Add(OnnxAttribute.Ints("output_padding", outputPadding, outputPadding));
        return Node(opType, inputs, [.. attributes]);
    }

    private string AdaptiveMaxPoolAxis(string x, int axis, int inSize, int outSize)
    {
        if (inSize % outSize == 0)
        {
            int kernel = inSize / outSize;
            return kernel == 1 ? x : axis == 2 ? MaxPool(x, kernel, 1) : MaxPool(x, 1, kernel);
        }
        string axes = Int64Initializer(axis);
        var bins = new string[outSize];
        for (int i = 0; i < outSize; i++)
        {
            long start = (long)i * inSize / outSize;
            long end = ((long)(i + 1) * inSize + outSize - 1) / outSize;
            string slice = Node("Slice", [x, Int64Initializer(start), Int64Initializer(end), axes]);
            bins[i] = Node("ReduceMax", [slice], OnnxAttribute.Ints("axes", axis), OnnxAttribute.Int("keepdims", 1));
        }
        return Concat(axis, bins);
    }

    private string MaxPool(string x, int kernelH, int kernelW) =>
        Node("MaxPool", [x], OnnxAttribute.Ints("kernel_shape", kernelH, kernelW), OnnxAttribute.Ints("strides", kernelH, kernelW));

    private string Scalar(float value) => Initializer([value], []);

    private string Node(string opType, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes)
    {
        string output = NewTensorName(opType);
        AddNode(opType, inputs, output, attributes);
        return output;
    }

    private void AddNode(string opType, IReadOnlyList<string> inputs, string output, OnnxAttribute[] attributes)
    {
        foreach (string input in inputs)
        {
            if (!_tensorNames.Contains(input))
                throw new ArgumentException($"'{input}' is not a tensor of this graph: use a name returned by the builder.", nameof(inputs));
        }
        string nodeName = opType;
        while (!_nodeNames.Add(nodeName))
            nodeName = $"{opType}_{_nextId++}";
        _nodes.Add(new OnnxNode(opType, nodeName, [.. inputs], [output], attributes));
    }

    private string NewTensorName(string prefix)
    {
        string name;
        do
        {
            name = $"{prefix}_{_nextId++}";
        }
        while (!_tensorNames.Add(name));
        return name;
    }

    private void ClaimTensorName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_tensorNames.Add(name))
            throw new ArgumentException($"The graph already has a tensor named '{name}'.", nameof(name));
    }

    private static void CheckShape(long[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        foreach (long dim in dims)
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dim, nameof(dims));
    }

    private static float[] Filled(long count, float value)
    {
        var values = new float[count];
        Array.Fill(values, value);
        return values;
    }

    // ONNX Conv/ConvTranspose attributes here are square and undilated; refuse anything else rather than export a different network.
    private static (int Stride, int Padding, int OutputPadding) SquareGeometry(TorchModules.Convolution conv)
    {
        ArgumentNullException.ThrowIfNull(conv);
        if (conv.padding is not long[] padding)
            throw new NotSupportedException($"Convolutions with padding '{conv.padding_type}' cannot be exported; give the padding as numbers.");
        if (conv.padding_mode != PaddingModes.Zeros)
            throw new NotSupportedException($"Only zero padding can be exported; found {conv.padding_mode}.");
        if (conv.groups != 1 || conv.dilation.Any(d => d != 1))
            throw new NotSupportedException($"Only convolutions with one group and dilation 1 can be exported; found groups {conv.groups}, dilation [{string.Join(", ", conv.dilation)}].");
        return (Square(conv.stride, "stride"), Square(padding, "padding"), conv.transposed ? Square(conv.output_padding, "output padding") : 0);
    }

    private static int Square(long[] values, string what)
    {
        if (values.Length != 2 || values[0] != values[1])
            throw new NotSupportedException($"Only the same {what} on both axes can be exported; found [{string.Join(", ", values)}].");
        return checked((int)values[0]);
    }
}
