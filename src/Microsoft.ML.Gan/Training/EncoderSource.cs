using Microsoft.ML.Gan.Data;
using Microsoft.ML.Runtime;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>What building a Domain Transfer Network's encoder f may use: the source images (already in the target's channels) and the run's settings.</summary>
/// <param name="Catalog">The transforms catalog of the MLContext.</param>
/// <param name="Source">The source data.</param>
/// <param name="ColumnName">The column of <paramref name="Source"/> holding the images in the target's shape.</param>
/// <param name="Image">The target domain's image shape, which f reads.</param>
/// <param name="SourceChannels">Channels of the source images before they were replicated to the target's.</param>
/// <param name="Seed">Seed of weights and data order.</param>
/// <param name="Device">The libtorch device.</param>
/// <param name="Log">Where progress goes.</param>
/// <param name="CancellationToken">Stops training after the current step.</param>
internal sealed record EncoderSource(TransformsCatalog Catalog, IDataView Source, string ColumnName, ImageShape Image, int SourceChannels, int Seed,
    Device Device, IChannel Log, CancellationToken CancellationToken);
