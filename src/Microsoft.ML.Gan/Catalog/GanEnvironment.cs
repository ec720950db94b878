using System.Reflection;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Gan.Catalog;

/// <summary>
/// What the library needs of the user's <see cref="MLContext"/>: its seed, temporary folder, GPU choice and log.
/// ML.NET keeps these behind internal interfaces of the catalogs, so this is the one place that reaches them by
/// reflection; everything else takes a <see cref="GanEnvironment"/>.
/// </summary>
internal sealed class GanEnvironment
{
    private const string InternalCatalogInterface = "Microsoft.ML.Data.IInternalCatalog";

    private GanEnvironment(IHostEnvironment host, int? seed, string tempFilePath, int? gpuDeviceId, bool fallbackToCpu)
    {
        Host = host;
        Seed = seed;
        TempFilePath = tempFilePath;
        GpuDeviceId = gpuDeviceId;
        FallbackToCpu = fallbackToCpu;
    }

    /// <summary>The MLContext's host environment: channels opened on it reach <see cref="MLContext.Log"/>.</summary>
    public IHostEnvironment Host { get; }

    /// <summary>The MLContext's seed, or null when it was created without one.</summary>
    public int? Seed { get; }

    /// <summary><see cref="MLContext.TempFilePath"/>.</summary>
    public string TempFilePath { get; }

    /// <summary><see cref="MLContext.GpuDeviceId"/>.</summary>
    public int? GpuDeviceId { get; }

    /// <summary><see cref="MLContext.FallbackToCpu"/>.</summary>
    public bool FallbackToCpu { get; }

    /// <summary>Reads the environment behind a catalog of an <see cref="MLContext"/> (e.g. its Transforms or Data catalog).</summary>
    public static GanEnvironment From(object catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var host = (IHostEnvironment)ReadProperty(catalog, FindInternalCatalog(catalog.GetType()), "Environment")!;
        var hostType = host.GetType();
        return new GanEnvironment(
            host,
            (int?)ReadProperty(host, hostType, "Seed"),
            (string?)ReadProperty(host, hostType, "TempFilePath") ?? Path.GetTempPath(),
            (int?)ReadProperty(host, hostType, "GpuDeviceId"),
            (bool)ReadProperty(host, hostType, "FallbackToCpu")!);
    }

    /// <summary>Reads the environment of an <see cref="MLContext"/>.</summary>
    public static GanEnvironment From(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return From(mlContext.Transforms);
    }

    private static Type FindInternalCatalog(Type catalogType) =>
        catalogType.GetInterfaces().FirstOrDefault(type => type.FullName == InternalCatalogInterface)
        ?? throw new NotSupportedException($"{catalogType.FullName} does not implement {InternalCatalogInterface}; this ML.NET version is not supported.");

    private static object? ReadProperty(object instance, Type declaringType, string name)
    {
        var property = declaringType.GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new NotSupportedException($"{declaringType.FullName} has no property {name}; this ML.NET version is not supported.");
        return property.GetValue(instance);
    }
}
