using Microsoft.ML.Gan.Catalog;
using Microsoft.ML.Gan.Data;
using Microsoft.ML.Gan.Reporting;
using Microsoft.ML.Gan.Transformers;

namespace Microsoft.ML.Gan;

/// <summary>Turns exported ONNX graphs into the library's transformers, scoring through ML.NET's OnnxTransformer.</summary>
internal static class GanScorers
{
    /// <summary>A generator transformer over the ONNX graph in <paramref name="onnx"/>.</summary>
    public static GanGeneratorTransformer Generator(TransformsCatalog catalog, GanEnvironment environment, byte[] onnx,
        string latentColumn, int latentSize, LatentDistribution distribution, string pixelsColumn, ImageShape shape, string? imageColumn)
    {
        var file = OnnxModelFile.Write(environment.TempFilePath, "generator", onnx);
        var latents = LatentVectors.Create(latentColumn, latentSize, count: 1, seed: 0);
        IEstimator<ITransformer> pipeline = catalog.ApplyOnnxModel([pixelsColumn], [latentColumn], file.Path, environment.GpuDeviceId, environment.FallbackToCpu);
        if (imageColumn is not null)
        {
            pipeline = pipeline.Append(ImageOutput(catalog, pixelsColumn, imageColumn, shape));
        }
        var scorer = pipeline.Fit(latents);
        return new GanGeneratorTransformer(scorer, file, latentColumn, latentSize, distribution, pixelsColumn, shape);
    }

    /// <summary>
    /// Stock ImageAnalytics steps that turn the planar 0..255 pixels into an MLImage column. ConvertToImage reads three
    /// planes, so a grey image is given its plane three times (in a temporary column, dropped again).
    /// </summary>
    public static IEstimator<ITransformer> ImageOutput(TransformsCatalog catalog, string pixelsColumn, string imageColumn, ImageShape shape)
    {
        if (shape.Channels == 3)
        {
            return catalog.ConvertToImage(shape.Height, shape.Width, imageColumn, pixelsColumn);
        }
        var planes = imageColumn + ".Planes";
        return catalog.Concatenate(planes, pixelsColumn, pixelsColumn, pixelsColumn)
            .Append(catalog.ConvertToImage(shape.Height, shape.Width, imageColumn, planes))
            .Append(catalog.DropColumns(planes));
    }

    /// <summary>A discriminator transformer over the ONNX graph in <paramref name="onnx"/>, fitted on <paramref name="data"/>'s schema.</summary>
    public static GanTransformer Discriminator(TransformsCatalog catalog, GanEnvironment environment, byte[] onnx,
        IDataView data, string pixelsColumn, ImageShape shape, string scoreColumn, string featuresColumn, int featureCount,
        GanGeneratorTransformer generator, TrainingHistory history)
    {
        var file = OnnxModelFile.Write(environment.TempFilePath, "discriminator", onnx);
        var scorer = catalog.ApplyOnnxModel([scoreColumn, featuresColumn], [pixelsColumn], file.Path, environment.GpuDeviceId, environment.FallbackToCpu)
            .Fit(data);
        return new GanTransformer(scorer, file, pixelsColumn, shape, scoreColumn, featuresColumn, featureCount, generator, history);
    }
}
