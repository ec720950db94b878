using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Data;

/// <summary>The schema-shape side of the library's estimators: check an image column, add outputs.</summary>
internal static class ImageSchemaShape
{
    /// <summary>
    /// Throws unless <paramref name="inputSchema"/> has <paramref name="imageColumn"/> as a known-size Single vector;
    /// returns the schema with <paramref name="outputColumns"/> added as known-size Single vectors.
    /// </summary>
    public static SchemaShape AddVectorOutputs(TransformsCatalog catalog, SchemaShape inputSchema, string imageColumn, params string[] outputColumns)
    {
        CheckImage(inputSchema, imageColumn);
        // SchemaShape columns cannot be built outside ML.NET; a Concatenate of the Single image column makes exactly
        // the column kind the graphs add (a known-size Single vector), under each output name.
        IEstimator<ITransformer> outputs = catalog.Concatenate(outputColumns[0], imageColumn);
        foreach (var output in outputColumns.Skip(1))
        {
            outputs = outputs.Append(catalog.Concatenate(output, imageColumn));
        }
        return outputs.GetOutputSchema(inputSchema);
    }

    /// <summary>Throws unless <paramref name="inputSchema"/> has <paramref name="imageColumn"/> as a known-size Single vector.</summary>
    public static void CheckImage(SchemaShape inputSchema, string imageColumn)
    {
        var matches = inputSchema.Where(c => c.Name == imageColumn).ToList();
        if (matches.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSchema),
                $"Column '{imageColumn}' not found: expected a known-size vector of Single values (an image, planar C×H×W, 0..255).");
        }
        var found = matches[^1];
        if (found.Kind != SchemaShape.Column.VectorKind.Vector || found.ItemType != NumberDataViewType.Single)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSchema),
                $"Column '{imageColumn}' must be a known-size vector of Single values (an image, planar C×H×W, 0..255); found {found.Kind} of {found.ItemType}.");
        }
    }
}
