namespace Microsoft.ML.Gan.Data;

/// <summary>One image file of a folder as <c>LoadFromEnumerable</c> sees it.</summary>
internal sealed class ImageFileRow
{
    /// <summary>Path of the file, relative to the folder.</summary>
    public string ImagePath = "";

    /// <summary>Name of the folder holding the file; empty for files directly in the folder.</summary>
    public string Label = "";
}
