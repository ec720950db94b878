using Microsoft.ML.Data;
using Microsoft.ML.Gan.Onnx;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Onnx;

/// <summary>An exported model scores through stock ML.NET (<c>ApplyOnnxModel</c>) exactly as ONNX Runtime runs it.</summary>
[TestClass]
public sealed class OnnxMlNetLoadingTests
{
    private const int PixelCount = TinyGenerator.ImageSize * TinyGenerator.ImageSize;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void ApplyOnnxModelMatchesInferenceSession()
    {
        manual_seed(5);
        byte[] model;
        using (var generator = new TinyGenerator())
        {
            generator.WarmUpStatistics();
            var builder = new OnnxGraphBuilder("generator");
            string latent = builder.Input("Latent", 1, TinyGenerator.LatentSize);
            builder.Output(generator.Export(builder, latent), "Pixels", 1, 1, TinyGenerator.ImageSize, TinyGenerator.ImageSize);
            model = builder.ToBytes();
        }
        string path = Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, model);
        try
        {
            var random = new Random(3);
            LatentRow[] rows = [.. Enumerable.Range(0, 3).Select(_ => new LatentRow
            {
                Latent = [.. Enumerable.Range(0, TinyGenerator.LatentSize).Select(_ => (float)(random.NextDouble() * 4 - 2))],
            })];

            var mlContext = new MLContext(1);
            SchemaDefinition schema = SchemaDefinition.Create(typeof(LatentRow));
            schema[nameof(LatentRow.Latent)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, TinyGenerator.LatentSize);
            IDataView data = mlContext.Data.LoadFromEnumerable(rows, schema);
            using var transformer = mlContext.Transforms.ApplyOnnxModel(["Pixels"], ["Latent"], path).Fit(data);
            IDataView scored = transformer.Transform(data);

            // OnnxTransformer keeps the graph's dimensions ([1, 1, 16, 16]) on the vector type; the size is what matters.
            var pixelType = (VectorDataViewType)scored.Schema["Pixels"].Type;
            Assert.AreEqual(NumberDataViewType.Single, pixelType.ItemType);
            Assert.AreEqual(PixelCount, pixelType.Size);
            float[][] pixels = [.. scored.GetColumn<float[]>("Pixels")];
            Assert.HasCount(rows.Length, pixels);
            for (int i = 0; i < rows.Length; i++)
            {
                (float[] expected, _) = OnnxParity.Run(model, rows[i].Latent, [1, TinyGenerator.LatentSize], "Latent", "Pixels");
                Assert.AreEqual(0f, OnnxParity.MaxAbsDifference(expected, pixels[i]), $"Row {i} differs between ML.NET and ONNX Runtime.");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>An input row: one latent vector.</summary>
    public sealed class LatentRow
    {
        /// <summary>Gets or sets the latent vector.</summary>
        public float[] Latent { get; set; } = [];
    }
}
