using Microsoft.ML.Data;

namespace Microsoft.ML.Gan;

/// <summary>
/// Rows of latent vectors (standard normal, or uniform on [−1, 1]), the same rows for every cursor of one seed: the input of a generator,
/// whether it is this library's <see cref="GanGeneratorTransformer"/> or a generator.zip loaded with stock ML.NET.
/// </summary>
public static class LatentVectors
{
    /// <summary>A lazily generated view of <paramref name="count"/> latents of <paramref name="latentSize"/> values in <paramref name="column"/>.</summary>
    /// <param name="column">Name of the latent column (generators of this library read <c>Latent</c> by default).</param>
    /// <param name="latentSize">Values per latent vector.</param>
    /// <param name="count">Number of rows.</param>
    /// <param name="seed">Seed of the draws: the same seed gives the same rows.</param>
    /// <param name="distribution">The distribution the generator was trained with.</param>
    public static IDataView Create(string column, int latentSize, int count, int seed, LatentDistribution distribution = LatentDistribution.Normal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(latentSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        CheckDistribution(distribution);
        var definition = SchemaDefinition.Create(typeof(LatentRow));
        definition[0].ColumnName = column;
        definition[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, latentSize);
        // A private context only builds the view; the rows are made by the seeded generator below.
        return new MLContext(seed).Data.LoadFromEnumerable(Rows(latentSize, count, seed, distribution), definition);
    }

    /// <summary>A view of the given <paramref name="latents"/>, one row each, in <paramref name="column"/>: walks, arithmetic results, chosen points.</summary>
    /// <param name="column">Name of the latent column.</param>
    /// <param name="latents">The vectors, all of the same length.</param>
    /// <exception cref="ArgumentException">No vectors, or vectors of different lengths.</exception>
    public static IDataView Create(string column, IReadOnlyList<float[]> latents)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        var latentSize = LatentMath.CheckSameSize(latents, nameof(latents));
        var definition = SchemaDefinition.Create(typeof(LatentRow));
        definition[0].ColumnName = column;
        definition[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, latentSize);
        return new MLContext(0).Data.LoadFromEnumerable(latents.Select(latent => new LatentRow { Latent = latent }), definition);
    }

    /// <summary>Draws <paramref name="count"/> latents of <paramref name="latentSize"/> values: the rows <see cref="Create(string, int, int, int, LatentDistribution)"/> makes for the same seed.</summary>
    /// <param name="latentSize">Values per latent vector.</param>
    /// <param name="count">Number of vectors.</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="distribution">The distribution the generator was trained with.</param>
    public static float[][] Draw(int latentSize, int count, int seed, LatentDistribution distribution = LatentDistribution.Normal)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(latentSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        CheckDistribution(distribution);
        var values = Sample(latentSize, count, seed, distribution);
        return [.. Enumerable.Range(0, count).Select(row => values.AsSpan(row * latentSize, latentSize).ToArray())];
    }

    /// <summary>
    /// Draws <paramref name="count"/> × <paramref name="latentSize"/> values: standard normal (Box–Muller) or uniform
    /// on [−1, 1].
    /// </summary>
    internal static float[] Sample(int latentSize, int count, int seed, LatentDistribution distribution)
    {
        var random = new Random(seed);
        var values = new float[latentSize * count];
        for (var i = 0; i < values.Length; i++)
        {
            if (distribution == LatentDistribution.Uniform)
            {
                values[i] = (float)(2 * random.NextDouble() - 1);
                continue;
            }
            var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            values[i] = (float)(radius * Math.Cos(2 * Math.PI * random.NextDouble()));
        }
        return values;
    }

    private static void CheckDistribution(LatentDistribution distribution)
    {
        if (!Enum.IsDefined(distribution))
        {
            throw new ArgumentOutOfRangeException(nameof(distribution), distribution, "Unknown latent distribution.");
        }
    }

    private static IEnumerable<LatentRow> Rows(int latentSize, int count, int seed, LatentDistribution distribution) =>
        Draw(latentSize, count, seed, distribution).Select(latent => new LatentRow { Latent = latent });

    private sealed class LatentRow
    {
        public float[] Latent = [];
    }
}
