using System.Diagnostics.CodeAnalysis;

namespace NewsReader.Media;

/// <summary>The formats the site accepts, as found by decoding, never from a name.</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    Webp,
    Gif,
    Avif,
}

/// <summary>Why an upload was refused, for code; the message is for the editor.</summary>
public enum RefusalReason
{
    Empty,
    NotAnImage,
    UnsupportedFormat,
    Corrupt,
    TooLarge,
    TooManyPixels,
}

public sealed record ImageRefusal(RefusalReason Reason, string Message);

/// <summary>
/// An upload that passed every check. Width and height are as a reader sees the picture, after
/// its EXIF orientation; <see cref="Sha256"/> is the lowercase hex hash of the uploaded bytes.
/// </summary>
public sealed record InspectedImage(
    string FileName,
    ImageFormat Format,
    int Width,
    int Height,
    bool HasAlpha,
    int Pages,
    long Length,
    string Sha256)
{
    public string ContentType => ContentTypes.Of(Format);

    public bool IsAnimated => Pages > 1;
}

/// <summary>Either an accepted image or a refusal, never both.</summary>
public sealed class ImageInspection
{
    private ImageInspection(InspectedImage? image, ImageRefusal? refusal)
    {
        Image = image;
        Refusal = refusal;
    }

    public InspectedImage? Image { get; }

    public ImageRefusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Image))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Accepted => Image is not null;

    public static ImageInspection Accept(InspectedImage image) => new(image, null);

    public static ImageInspection Refuse(RefusalReason reason, string message) =>
        new(null, new ImageRefusal(reason, message));
}

public static class ContentTypes
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Webp = "image/webp";
    public const string Gif = "image/gif";
    public const string Avif = "image/avif";

    public static string Of(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => Jpeg,
        ImageFormat.Png => Png,
        ImageFormat.Webp => Webp,
        ImageFormat.Gif => Gif,
        ImageFormat.Avif => Avif,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
