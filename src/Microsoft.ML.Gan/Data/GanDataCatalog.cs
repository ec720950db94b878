using Microsoft.ML.Data;

using Microsoft.ML.Gan.Data;

namespace Microsoft.ML;

/// <summary>
/// Loaders for image data sets, as extension members of <see cref="DataOperationsCatalog"/>:
/// <c>mlContext.Data.LoadIdx(...)</c> and <c>mlContext.Data.LoadImageFolder(...)</c>. Both give a <c>Pixels</c>
/// column (known-size Single vector, planar C×H×W, 0..255) and a <c>Label</c> column, and stream the files: every
/// cursor reads them again, and no more than one image is held at a time.
/// </summary>
public static class GanDataCatalog
{
    /// <summary>Name of the column holding the pixels.</summary>
    public const string PixelsColumnName = "Pixels";

    /// <summary>Name of the column holding the labels.</summary>
    public const string LabelColumnName = "Label";

    /// <summary>Name of the column holding the path of each image file (relative to the folder).</summary>
    public const string ImagePathColumnName = "ImagePath";

    /// <summary>How many moved copies of each row <c>AppendShiftedCopies</c> adds: right, left, down and up.</summary>
    public const int ShiftedCopiesPerRow = 4;

    // White on the 0..255 pixel scale.
    private const float WhiteLevel = 255;

    /// <param name="catalog">The data catalog of an <see cref="MLContext"/>.</param>
    extension(DataOperationsCatalog catalog)
    {
        /// <summary>
        /// Loads images (and optionally labels) stored in the IDX format of MNIST, plain or gzip-compressed.
        /// </summary>
        /// <param name="imagesPath">The images file (magic number 2051), e.g. <c>train-images-idx3-ubyte.gz</c>.</param>
        /// <param name="labelsPath">The labels file (magic number 2049), or <see langword="null"/> for no <c>Label</c> column.</param>
        /// <param name="maxRows">Read at most this many rows from the start, or <see langword="null"/> for all.</param>
        /// <param name="padding">
        /// Pixels of black (0) added on every side of each image, e.g. 2 to frame MNIST's 28×28 digits in 32×32, the
        /// power-of-two side progressive growing needs (as LeNet-5 framed them).
        /// </param>
        /// <returns>
        /// A view with <c>Pixels</c> (vector of Single with dimensions 1, rows + 2·padding, columns + 2·padding;
        /// 0..255) and, with labels, <c>Label</c> (Single).
        /// </returns>
        /// <exception cref="FileNotFoundException">A file does not exist.</exception>
        /// <exception cref="InvalidDataException">
        /// A file is not an IDX file of the expected kind, or the two files hold different numbers of items. A file
        /// that ends early is reported when it is read.
        /// </exception>
        public IDataView LoadIdx(string imagesPath, string? labelsPath = null, int? maxRows = null, int padding = 0)
        {
            ArgumentNullException.ThrowIfNull(catalog);
            ArgumentException.ThrowIfNullOrWhiteSpace(imagesPath);
            ArgumentOutOfRangeException.ThrowIfNegative(padding);
            if (maxRows is { } max)
            {
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max, nameof(maxRows));
            }

            var images = IdxFile.Read(imagesPath, IdxFile.ImagesMagic);
            var labels = labelsPath is null ? null : IdxFile.Read(labelsPath, IdxFile.LabelsMagic);
            if (labels is not null && labels.Count != images.Count)
            {
                throw new InvalidDataException(
                    $"IDX labels file '{labels.Path}' does not match images file '{images.Path}': expected {images.Count} labels, found {labels.Count}.");
            }

            var schema = SchemaDefinition.Create(typeof(IdxRow));
            schema[nameof(IdxRow.Pixels)].ColumnType =
                new VectorDataViewType(NumberDataViewType.Single, 1, images.ItemDimensions[0] + 2 * padding, images.ItemDimensions[1] + 2 * padding);
            if (labels is null)
            {
                schema.RemoveAll(column => column.ColumnName == nameof(IdxRow.Label));
            }
            var rows = new IdxRows(images, labels, Math.Min(images.Count, maxRows ?? int.MaxValue), padding);
            return catalog.LoadFromEnumerable(rows, schema);
        }

        /// <summary>
        /// Virtual examples (Decoste and Schölkopf 2002): the rows of <paramref name="data"/>, then all of them again with
        /// the image moved <paramref name="pixels"/> to the right, then to the left, then down, then up (the uncovered
        /// border 0; every other column as it is). A classifier trained on a few labelled images and their moved copies
        /// learns that an image moved a little keeps its label, as when the labelled images of a linear SVM on
        /// <c>DiscriminatorFeatures</c> are few. The view streams: each copy is a new pass over <paramref name="data"/>.
        /// </summary>
        /// <param name="data">The rows, with a pixels column (known-size Single vector, planar C×H×W).</param>
        /// <param name="pixels">How far each copy moves: at least 1 and less than the image's height and width.</param>
        /// <param name="pixelsColumnName">The pixels column.</param>
        /// <returns>
        /// A view of (1 + <see cref="ShiftedCopiesPerRow"/>) n rows for the n rows of <paramref name="data"/>, with its
        /// schema: with rows numbered from 0, row r's copies are rows r + n (right), r + 2n (left), r + 3n (down) and
        /// r + 4n (up).
        /// </returns>
        /// <exception cref="ArgumentOutOfRangeException">
        /// The pixels column is missing or not an image vector, or <paramref name="pixels"/> is outside its range.
        /// </exception>
        public IDataView AppendShiftedCopies(IDataView data, int pixels = 1, string pixelsColumnName = PixelsColumnName)
        {
            ArgumentNullException.ThrowIfNull(catalog);
            ArgumentNullException.ThrowIfNull(data);
            var shape = ImageColumn.Resolve(data.Schema, pixelsColumnName, expected: null, "data to copy");
            if (pixels < 1 || pixels >= Math.Min(shape.Height, shape.Width))
            {
                throw new ArgumentOutOfRangeException(nameof(pixels), pixels,
                    $"The copies of the {shape} images of column '{pixelsColumnName}' move by at least 1 pixel and less than {Math.Min(shape.Height, shape.Width)}.");
            }
            return new ShiftedCopiesView(data, data.Schema[pixelsColumnName].Index, shape, ImageMove.FourWays(pixels));
        }

        /// <summary>
        /// Portraits on a dark or grey ground given a white one, as emoji and most drawn targets have, so that a domain
        /// transfer's luminance layout means the same in both domains: the ground grows from the top, left and right
        /// edges of each image over its 3 × 3-smoothed luminance, through pixels within <paramref name="tolerance"/> of
        /// the luminance of the two top corner patches and across steps between neighbours of at most
        /// <paramref name="step"/>, so that it follows uneven lighting but stops at a head's outline; what it reaches
        /// turns white (255) in every channel. Read row by row as the view is read; not saved with a model, so images
        /// to transfer with a model trained on whitened ones are whitened the same way first.
        /// </summary>
        /// <param name="images">The rows, with a pixels column (known-size Single vector, planar C×H×W, 0..255).</param>
        /// <param name="tolerance">How far from the ground's luminance a ground pixel may be, as a fraction of 255 (0 to 1).</param>
        /// <param name="step">How far the ground may step between neighbours, as a fraction of 255 (0 to 1).</param>
        /// <param name="pixelsColumnName">The pixels column.</param>
        /// <param name="keptCentre">
        /// The width and height of a centred ellipse the ground never enters, as fractions of the image's (0 to 1; 0, the
        /// default, for none): for centred portraits whose skin may be as light as the ground, so that the middle of a face
        /// stays face where its outline fades into the ground.
        /// </param>
        /// <param name="dropIslands">
        /// Whether what the ground leaves apart from the head (the largest 4-connected group of pixels it does not reach),
        /// such as specks of grain its step did not cross, turns white too (default false: only what the ground reaches).
        /// </param>
        /// <returns><paramref name="images"/> with the pixels column whitened, every other column as it is.</returns>
        /// <exception cref="ArgumentOutOfRangeException">
        /// The pixels column is missing or not an image vector, or <paramref name="tolerance"/>, <paramref name="step"/>
        /// or <paramref name="keptCentre"/> is outside 0 to 1.
        /// </exception>
        public IDataView WhitenGround(IDataView images, float tolerance = 0.12f, float step = 0.02f, string pixelsColumnName = PixelsColumnName,
            float keptCentre = 0, bool dropIslands = false)
        {
            ArgumentNullException.ThrowIfNull(catalog);
            ArgumentNullException.ThrowIfNull(images);
            var shape = ImageColumn.Resolve(images.Schema, pixelsColumnName, expected: null, "images to whiten");
            if (!(tolerance >= 0 && tolerance <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The ground tolerance is a fraction of 255, from 0 to 1.");
            }
            if (!(step >= 0 && step <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(step), step, "The ground step is a fraction of 255, from 0 to 1.");
            }
            if (!(keptCentre >= 0 && keptCentre <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(keptCentre), keptCentre, "The kept centre is a fraction of the image's width and height, from 0 to 1.");
            }
            return PixelMapping.Apply(new MLContext(), images, pixelsColumnName, shape, shape,
                pixels => GroundWhitening.Apply(pixels, shape, tolerance * WhiteLevel, step * WhiteLevel, WhiteLevel, keptCentre, dropIslands));
        }

        /// <summary>
        /// Loads the images of a folder tree (*.png, *.jpg, *.jpeg, *.bmp, recursively, sorted by path) with
        /// ImageAnalytics: LoadImages, ResizeImages (isotropic crop to the centre), ConvertToGrayscale when
        /// <paramref name="grey"/>, and ExtractPixels (planar, 0..255).
        /// </summary>
        /// <param name="folder">The folder to read.</param>
        /// <param name="width">Width of the images after resizing.</param>
        /// <param name="height">Height of the images after resizing.</param>
        /// <param name="grey">Whether to give one grey channel rather than three (RGB).</param>
        /// <param name="skipUnreadable">
        /// Whether to leave out files that do not decode (zero-byte, truncated, another format), with their count in
        /// the MLContext's log; when false (the default) such a file is an error that names it.
        /// </param>
        /// <returns>
        /// A view with <c>ImagePath</c> (text, relative to <paramref name="folder"/>), <c>Label</c> (text: the name of
        /// the folder holding the image, empty at the top level) and <c>Pixels</c> (vector of Single with dimensions
        /// C, <paramref name="height"/>, <paramref name="width"/>; 0..255).
        /// </returns>
        /// <param name="compositeOnWhite">
        /// Whether to composite images with transparency (RGBA PNG) on a white background; otherwise ExtractPixels drops
        /// alpha and transparent pixels come out black. Only for RGB (not <paramref name="grey"/>).
        /// </param>
        /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
        /// <exception cref="InvalidDataException">The folder holds no readable image, or an unreadable one when not skipping.</exception>
        public IDataView LoadImageFolder(string folder, int width, int height, bool grey = false, bool skipUnreadable = false,
            bool compositeOnWhite = false)
        {
            ArgumentNullException.ThrowIfNull(catalog);
            ArgumentException.ThrowIfNullOrWhiteSpace(folder);
            if (grey && compositeOnWhite)
            {
                throw new ArgumentException("compositeOnWhite applies to RGB images; found grey: true.", nameof(compositeOnWhite));
            }
            var shape = new ImageShape(grey ? 1 : 3, height, width);
            string fullFolder = Path.GetFullPath(folder);

            var files = catalog.LoadFromEnumerable(ImageFolder.List(fullFolder, skipUnreadable, out var skipped));
            if (skipped > 0)
            {
                using var log = Microsoft.ML.Gan.Catalog.GanEnvironment.From(catalog).Host.Start("LoadImageFolder");
                log.Warning(Microsoft.ML.Runtime.MessageSensitivity.None, $"Skipped {skipped} unreadable image file(s) in '{fullFolder}'.");
            }
            // DataOperationsCatalog hides its environment; the image transforms are seed-free and deterministic, so a
            // private context gives the same pixels the caller's own would.
            var imageContext = new MLContext();
            var images = imageContext.Transforms.LoadImages(PixelsColumnName, fullFolder, ImagePathColumnName).Fit(files).Transform(files);
            var dataName = $"image folder '{fullFolder}'";
            return compositeOnWhite
                ? WhiteBackground.Composite(imageContext,
                    ImageColumn.PrepareImageColumn(imageContext, images, PixelsColumnName, new ImageShape(4, height, width), dataName), PixelsColumnName, shape)
                : ImageColumn.PrepareImageColumn(imageContext, images, PixelsColumnName, shape, dataName);
        }
    }
}
