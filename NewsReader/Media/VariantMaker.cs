using NetVips;

namespace NewsReader.Media;

/// <summary>One resized copy of a picture, ready to store and serve.</summary>
public sealed record ImageVariant(int Width, int Height, string ContentType, ReadOnlyMemory<byte> Content);

/// <summary>
/// Makes the resized copies readers download: at each planned width a WebP (what every current
/// browser takes) and a fallback, JPEG for opaque pictures and PNG for pictures with transparency.
/// Orientation is applied and every piece of metadata (EXIF with GPS, XMP, IPTC, the ICC profile
/// once pixels are converted to sRGB) is left out. GIF and animated WebP give their first frame
/// only: the variants are still pictures.
/// </summary>
public sealed class VariantMaker
{
    /// <summary>Fits a 375-px phone at 1× and 2× (480, 960), and a desktop column (1600).</summary>
    public static readonly IReadOnlyList<int> Widths = [480, 960, 1600];

    // Chosen so that a 480-wide photo stays well under 100 KB (issue 12's phone budget) while
    // looking clean at 2×: WebP q 78 is about JPEG q 85 to the eye at two thirds of the size.
    public const int WebpQuality = 78;
    public const int JpegQuality = 82;

    // "Fit this width, any height": libvips' largest coordinate, so height never constrains.
    private const int AnyHeight = 10_000_000;

    /// <summary>
    /// The widths to make for a picture this wide: the fixed widths it can fill without being
    /// enlarged, plus its own width when that is under the largest, so small pictures still get one.
    /// </summary>
    public static IReadOnlyList<int> PlanWidths(int originalWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(originalWidth);
        var widths = Widths.Where(w => w <= originalWidth).ToList();
        if (originalWidth < Widths[^1] && !widths.Contains(originalWidth))
        {
            widths.Add(originalWidth);
        }

        return widths;
    }

    /// <summary>
    /// Makes every variant of an inspected picture. CPU-bound and synchronous (about a second for
    /// a 24-megapixel JPEG): call it from the resize jobs, not from a request.
    /// </summary>
    /// <param name="progress">Told the number of widths done so far.</param>
    public IReadOnlyList<ImageVariant> Make(
        ReadOnlyMemory<byte> content,
        InspectedImage image,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        VipsRuntime.EnsureReady();
        var bytes = ImageInspector.AsArray(content);
        var variants = new List<ImageVariant>();
        var done = 0;
        foreach (var width in PlanWidths(image.Width))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Thumbnail decodes straight to about the target size where the format allows
            // (JPEG's DCT scaling, WebP's scaled decode), turns the picture by its EXIF
            // orientation, and converts to sRGB through the embedded profile if there is one.
            // Each width starts again from the upload: shrinking on load makes that cheap and
            // every size gets one clean resampling.
            using var pipeline = Image.ThumbnailBuffer(
                bytes, width, height: AnyHeight, size: Enums.Size.Down, failOn: Enums.FailOn.Error);

            // libvips is lazy: without this copy the two encoders below would each run the
            // decode and resize again. At 1600 wide it is a few megabytes.
            using var thumb = pipeline.CopyMemory();

            var webp = thumb.WebpsaveBuffer(q: WebpQuality, effort: 4, keep: Enums.ForeignKeep.None);
            variants.Add(new ImageVariant(thumb.Width, thumb.Height, ContentTypes.Webp, webp));

            if (thumb.HasAlpha())
            {
                var png = thumb.PngsaveBuffer(compression: 6, keep: Enums.ForeignKeep.None);
                variants.Add(new ImageVariant(thumb.Width, thumb.Height, ContentTypes.Png, png));
            }
            else
            {
                var jpeg = thumb.JpegsaveBuffer(q: JpegQuality, optimizeCoding: true, keep: Enums.ForeignKeep.None);
                variants.Add(new ImageVariant(thumb.Width, thumb.Height, ContentTypes.Jpeg, jpeg));
            }

            progress?.Report(++done);
        }

        return variants;
    }
}
