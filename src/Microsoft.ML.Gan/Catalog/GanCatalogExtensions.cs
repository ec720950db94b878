using Microsoft.ML.Gan;

namespace Microsoft.ML;

/// <summary>Adds <c>Gan</c> to <see cref="TransformsCatalog"/>, so that GAN trainers read <c>mlContext.Transforms.Gan.TrainDcgan(...)</c>.</summary>
public static class GanCatalogExtensions
{
    extension(TransformsCatalog catalog)
    {
        /// <summary>The GAN trainers of this MLContext.</summary>
        public GanCatalog Gan => new(catalog);
    }
}
