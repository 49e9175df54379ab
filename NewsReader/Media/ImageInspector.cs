using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using NetVips;

namespace NewsReader.Media;

/// <summary>
/// Decides whether uploaded bytes are a picture the site will keep. The format comes from the
/// content (libvips' sniffers), never from the file name or the declared content type; the pixel
/// count is checked from the header before anything is decoded; then the whole image is decoded
/// once, failing on truncation or corruption, so what is accepted can later be resized.
/// </summary>
public sealed class ImageInspector(ImageLimits limits)
{
    private const string Accepted = "JPEG, PNG, WebP, GIF or AVIF";

    // libvips' loader class names for the formats we accept. Sniffing picks a loader without
    // running it, so a format outside this list (SVG, TIFF, BMP, PDF, ...) is never parsed.
    private static readonly Dictionary<string, ImageFormat> Loaders = new(StringComparer.Ordinal)
    {
        ["VipsForeignLoadJpegBuffer"] = ImageFormat.Jpeg,
        ["VipsForeignLoadPngBuffer"] = ImageFormat.Png,
        ["VipsForeignLoadSpngBuffer"] = ImageFormat.Png,
        ["VipsForeignLoadWebpBuffer"] = ImageFormat.Webp,
        ["VipsForeignLoadNsgifBuffer"] = ImageFormat.Gif,
        ["VipsForeignLoadGifBuffer"] = ImageFormat.Gif,
        // HEIF holds AVIF (AV1) and HEIC (HEVC); which one is read from the header below.
        ["VipsForeignLoadHeifBuffer"] = ImageFormat.Avif,
    };

    public ImageLimits Limits { get; } = limits;

    /// <summary>Reads at most one byte more than the limit, so a huge upload is not buffered whole.</summary>
    public async Task<ImageInspection> InspectAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > Limits.MaxBytes)
            {
                return TooLarge();
            }
        }

        return Inspect(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), fileName);
    }

    public ImageInspection Inspect(ReadOnlyMemory<byte> content, string fileName)
    {
        if (content.IsEmpty)
        {
            return ImageInspection.Refuse(RefusalReason.Empty, $"“{fileName}” is empty.");
        }

        if (content.Length > Limits.MaxBytes)
        {
            return TooLarge();
        }

        VipsRuntime.EnsureReady();
        var bytes = AsArray(content);

        var loader = Sniff(bytes);
        if (loader is null)
        {
            if (OtherFormat(content.Span) is { } other)
            {
                return Unsupported(fileName, other);
            }

            return ImageInspection.Refuse(RefusalReason.NotAnImage,
                $"“{fileName}” is not a {Accepted} picture.");
        }

        if (!Loaders.TryGetValue(loader, out var format))
        {
            return Unsupported(fileName, FormatName(loader));
        }

        Image image;
        try
        {
            image = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
        }
        catch (VipsException)
        {
            return Damaged(fileName);
        }

        using (image)
        {
            if (loader == "VipsForeignLoadHeifBuffer" && !IsAv1(image))
            {
                return Unsupported(fileName, "HEIC");
            }

            // The header alone: nothing has been decoded yet, so a small file declaring billions
            // of pixels costs nothing to refuse.
            var pixels = (long)image.Width * image.Height;
            if (pixels > Limits.MaxPixels)
            {
                return ImageInspection.Refuse(RefusalReason.TooManyPixels,
                    $"“{fileName}” is {image.Width:N0} × {image.Height:N0} pixels " +
                    $"({Megapixels(pixels)} megapixels); pictures may have at most {Megapixels(Limits.MaxPixels)} megapixels.");
            }

            // Decoding every pixel (streamed: sequential access keeps a few lines in memory) is
            // the only way to know the file is complete; for GIF and animated WebP this is the
            // first frame, the one the variants are made from.
            try
            {
                _ = image.Avg();
            }
            catch (VipsException)
            {
                return Damaged(fileName);
            }

            var (width, height) = Oriented(image);
            return ImageInspection.Accept(new InspectedImage(
                fileName,
                format,
                width,
                height,
                image.HasAlpha(),
                Pages(image),
                content.Length,
                Convert.ToHexStringLower(SHA256.HashData(content.Span))));
        }
    }

    internal static byte[] AsArray(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : content.ToArray();

    private static string? Sniff(byte[] bytes)
    {
        try
        {
            return Image.FindLoadBuffer(bytes);
        }
        catch (VipsException)
        {
            return null;
        }
    }

    /// <summary>
    /// Names formats people often try that libvips here cannot or may not read (no BMP or PDF
    /// reader is built in; SVG is among the loaders blocked as untrusted), so the refusal can
    /// say what the file is. Only for the message: nothing is parsed.
    /// </summary>
    private static string? OtherFormat(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return "PDF";
        }

        if (content.Length >= 26 && content.StartsWith("BM"u8))
        {
            return "BMP";
        }

        var head = content[..Math.Min(content.Length, 1024)];
        return head.IndexOf("<svg"u8) >= 0 || head.IndexOf("<SVG"u8) >= 0 ? "SVG" : null;
    }

    private static bool IsAv1(Image image) =>
        image.Contains("heif-compression") &&
        string.Equals(image.Get("heif-compression") as string, "av1", StringComparison.OrdinalIgnoreCase);

    private static (int Width, int Height) Oriented(Image image)
    {
        // Orientations 5–8 turn the picture a quarter, so readers see it the other way round.
        var orientation = image.Contains("orientation") ? Convert.ToInt32(image.Get("orientation"), CultureInfo.InvariantCulture) : 1;
        return orientation is >= 5 and <= 8 ? (image.Height, image.Width) : (image.Width, image.Height);
    }

    private static int Pages(Image image) =>
        image.Contains("n-pages") ? Math.Max(1, Convert.ToInt32(image.Get("n-pages"), CultureInfo.InvariantCulture)) : 1;

    private static string FormatName(string loader)
    {
        // "VipsForeignLoadTiffBuffer" → "TIFF"
        var name = loader.Replace("VipsForeignLoad", "", StringComparison.Ordinal)
            .Replace("Buffer", "", StringComparison.Ordinal)
            .Replace("Source", "", StringComparison.Ordinal);
        return name.ToUpperInvariant();
    }

    private static string Megapixels(long pixels) =>
        (pixels / 1_000_000.0).ToString("0.#", CultureInfo.InvariantCulture);

    private ImageInspection TooLarge() =>
        ImageInspection.Refuse(RefusalReason.TooLarge,
            $"The file is larger than {Limits.MaxBytes / (1024 * 1024)} MB. Export a smaller version and upload that.");

    private static ImageInspection Unsupported(string fileName, string format) =>
        ImageInspection.Refuse(RefusalReason.UnsupportedFormat,
            $"“{fileName}” is a {format} file; pictures must be {Accepted}.");

    private static ImageInspection Damaged(string fileName) =>
        ImageInspection.Refuse(RefusalReason.Corrupt,
            $"“{fileName}” is damaged or incomplete and cannot be read. Upload it again, or export it again from the program that made it.");
}
