namespace Microsoft.ML.Gan.Data;

/// <summary>
/// One batch of images as planar pixel values (0..255 as stored): image <c>i</c> occupies
/// <c>Pixels[(i × size)..((i + 1) × size)]</c>, where size is C×H×W.
/// </summary>
/// <param name="Pixels">
/// The values; only the first <paramref name="Count"/> images are valid. The array is reused: it belongs to the reader
/// again as soon as the consumer asks for the next batch.
/// </param>
/// <param name="Count">Number of valid images in <paramref name="Pixels"/>; less than the batch size only for the last batch.</param>
internal readonly record struct PixelBatch(float[] Pixels, int Count);
