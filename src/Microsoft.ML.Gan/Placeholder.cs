namespace Microsoft.ML.Gan; internal static class Placeholder { }
