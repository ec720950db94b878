using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Samples.DomainTransfer;

/// <summary>
/// A second judge, of another kind than the MNIST classifier: each image takes the label of its nearest labelled
/// digit by Euclidean distance in pixels. Images that only fooled classifiers of the first judge's kind (L_CONST can
/// read one) would not get past it.
/// </summary>
internal static class NearestDigitJudge
{
    /// <summary>The share of <paramref name="images"/> whose nearest row of <paramref name="labelledDigits"/> has their <c>Label</c>; both have <c>Pixels</c> of one size and Single labels.</summary>
    public static double Accuracy(IDataView images, IDataView labelledDigits)
    {
        var nearest = NearestNeighbours.Search(images, labelledDigits, GanDataCatalog.PixelsColumnName, k: 1);
        var referenceLabels = labelledDigits.GetColumn<float>(GanDataCatalog.LabelColumnName).ToArray();
        var labels = images.GetColumn<float>(GanDataCatalog.LabelColumnName).ToArray();
        return labels.Where((label, row) => referenceLabels[nearest[row][0].Index] == label).Count() / (double)labels.Length;
    }
}
