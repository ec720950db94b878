using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>The row classes of the PredictionEngine measurements; vector sizes are set by <see cref="Definition{T}"/>.</summary>
internal static class ScoringRows
{
    /// <summary>A generator input row.</summary>
    public sealed class Latent
    {
        /// <summary>The latent vector.</summary>
        [ColumnName("Latent")]
        public float[] Values = [];
    }

    /// <summary>A generator output row.</summary>
    public sealed class Generated
    {
        /// <summary>The image, planar C×H×W, 0..255.</summary>
        public float[] Pixels = [];
    }

    /// <summary>A discriminator input row.</summary>
    public sealed class Image
    {
        /// <summary>The image, planar C×H×W, 0..255.</summary>
        public float[] Pixels = [];
    }

    /// <summary>A discriminator output row.</summary>
    public sealed class Scored
    {
        /// <summary>The probability that the image is real.</summary>
        public float[] Score = [];

        /// <summary>The pooled hidden maps.</summary>
        public float[] Features = [];
    }

    /// <summary>The input schema of <typeparamref name="T"/> with its one vector column of <paramref name="size"/> values.</summary>
    public static SchemaDefinition Definition<T>(int size)
    {
        var definition = SchemaDefinition.Create(typeof(T));
        definition[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        return definition;
    }
}
