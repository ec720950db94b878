using Microsoft.ML.Gan.Catalog;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Reporting;
using Microsoft.ML.Gan.Transformers;

namespace Microsoft.ML;

/// <summary>Turns exported ONNX graphs into the library's transformers, scoring through ML.NET's OnnxTransformer.</summary>
internal static class GanScorers
{
    /// <summary>A generator transformer over the ONNX graph in <paramref name="onnx"/>.</summary>
    public static Gan.GanGeneratorTransformer Generator(TransformsCatalog catalog, GanEnvironment environment, byte[] onnx,
        string latentColumn, int latentSize, string pixelsColumn, ImageShape shape)
    {
        var file = OnnxModelFile.Write(environment.TempFilePath, "generator", onnx);
        var latents = LatentDataView.Create(latentColumn, latentSize, count: 1, seed: 0);
        var scorer = catalog.ApplyOnnxModel([pixelsColumn], [latentColumn], file.Path, environment.GpuDeviceId, environment.FallbackToCpu)
            .Fit(latents);
        return new Gan.GanGeneratorTransformer(scorer, file, latentColumn, latentSize, pixelsColumn, shape);
    }

    /// <summary>A discriminator transformer over the ONNX graph in <paramref name="onnx"/>, fitted on <paramref name="data"/>'s schema.</summary>
    public static Gan.GanTransformer Discriminator(TransformsCatalog catalog, GanEnvironment environment, byte[] onnx,
        IDataView data, string pixelsColumn, ImageShape shape, string scoreColumn, string featuresColumn, int featureCount,
        Gan.GanGeneratorTransformer generator, TrainingHistory history)
    {
        var file = OnnxModelFile.Write(environment.TempFilePath, "discriminator", onnx);
        var scorer = catalog.ApplyOnnxModel([scoreColumn, featuresColumn], [pixelsColumn], file.Path, environment.GpuDeviceId, environment.FallbackToCpu)
            .Fit(data);
        return new Gan.GanTransformer(scorer, file, pixelsColumn, shape, scoreColumn, featuresColumn, featureCount, generator, history);
    }
}
