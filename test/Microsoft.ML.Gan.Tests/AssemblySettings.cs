using System.Runtime.CompilerServices;

[assembly: Microsoft.VisualStudio.TestTools.UnitTesting.DoNotParallelize]

namespace Microsoft.ML.Gan.Tests;

/// <summary>What must hold before any test runs.</summary>
internal static class AssemblySettings
{
    /// <summary>Many tests call TorchSharp before the library, so the library's oneDNN cap is applied here first.</summary>
    [ModuleInitializer]
    internal static void Initialize() => Gan.Training.OneDnnIsaLimit.Apply();
}
