using System.Diagnostics;
using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Samples.Bench;

/// <summary>Rows per second of a loaded model through ML.NET: a Transform read to the end, and a PredictionEngine loop.</summary>
internal static class MlNetScoring
{
    /// <summary>Transforms <paramref name="input"/> and reads every output column of every row; rows/s.</summary>
    public static double Transform(ITransformer model, IDataView input, params string[] outputColumns)
    {
        var clock = Stopwatch.StartNew();
        var output = model.Transform(input);
        var columns = outputColumns.Select(name => output.Schema[name]).ToArray();
        long rows = 0;
        using (var cursor = output.GetRowCursor(columns))
        {
            var getters = columns.Select(cursor.GetGetter<VBuffer<float>>).ToArray();
            VBuffer<float> values = default;
            while (cursor.MoveNext())
            {
                foreach (var getter in getters)
                {
                    getter(ref values);
                }
                rows++;
            }
        }
        return rows / clock.Elapsed.TotalSeconds;
    }

    /// <summary>One PredictionEngine, one Predict per input row (the output object reused); rows/s.</summary>
    public static double PredictionEngine<TInput, TOutput>(MLContext mlContext, ITransformer model, IReadOnlyList<TInput> inputs, int inputSize)
        where TInput : class
        where TOutput : class, new()
    {
        // Not disposed: PredictionEngine.Dispose disposes the transformer too (dotnet/machinelearning#5945), and the
        // loaded model is scored again afterwards; here that showed as a NullReferenceException inside ONNX Runtime.
        var engine = mlContext.Model.CreatePredictionEngine<TInput, TOutput>(model, inputSchemaDefinition: ScoringRows.Definition<TInput>(inputSize));
        var output = new TOutput();
        var clock = Stopwatch.StartNew();
        foreach (var input in inputs)
        {
            engine.Predict(input, ref output);
        }
        return inputs.Count / clock.Elapsed.TotalSeconds;
    }
}
