using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsReader.Media;

/// <summary>A picture of the library as pages show it: its variants' widths, its fallback format, its alt text.</summary>
public sealed record MediaPicture(string Hash, int Width, int Height, string AltText, IReadOnlyList<int> Widths, string FallbackExtension, bool Ready)
{
    public int LargestWidth => Widths.Count == 0 ? Width : Widths[^1];

    /// <summary>The URL an editor's Markdown and the lead image field hold: the largest WebP.</summary>
    public string Url => MediaUrls.Path(Hash, LargestWidth, "webp");

    /// <summary>Height at a given width, keeping the proportions (what width/height attributes need).</summary>
    public int HeightAt(int width) => Width == 0 ? 0 : (int)Math.Round((double)Height * width / Width);
}

/// <summary>
/// The URLs pictures of the library are served at: <c>/media/{sha256}-{width}.{webp|jpg|png}</c>.
/// The hash makes every URL name one set of bytes forever, hence "immutable" caching.
/// </summary>
public static partial class MediaUrls
{
    public const string Prefix = "/media/";

    public static string Path(string hash, int width, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{hash}-{width}.{extension}");

    /// <summary>Reads a served file name such as <c>ab12…-480.webp</c>.</summary>
    public static bool TryParseFileName(string fileName, out string hash, out int width, out string extension)
    {
        var match = FileNamePattern().Match(fileName);
        hash = match.Success ? match.Groups["hash"].Value : "";
        width = match.Success ? int.Parse(match.Groups["width"].Value, CultureInfo.InvariantCulture) : 0;
        extension = match.Success ? match.Groups["ext"].Value : "";
        return match.Success;
    }

    /// <summary>The hash of a library URL as editors paste it (site-relative or absolute), or null.</summary>
    public static string? HashOf(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }
        var match = UrlPattern().Match(url.Trim());
        return match.Success ? match.Groups["hash"].Value : null;
    }

    /// <summary>Every library hash a Markdown body or an HTML fragment points at.</summary>
    public static IReadOnlySet<string> HashesIn(string text) =>
        UrlPattern().Matches(text).Select(m => m.Groups["hash"].Value).ToHashSet(StringComparer.Ordinal);

    public static string SrcSet(MediaPicture picture, string extension) =>
        string.Join(", ", picture.Widths.Select(w => string.Create(CultureInfo.InvariantCulture, $"{Path(picture.Hash, w, extension)} {w}w")));

    /// <summary>
    /// The markup that lets a phone download the small variant and the page keep its layout while it
    /// loads: WebP for browsers that take it, the JPEG/PNG fallback for the rest, width and height.
    /// </summary>
    public static string PictureHtml(MediaPicture picture, string alt, string sizes, bool eager = false, string? cssClass = null)
    {
        var fallbackWidth = picture.Widths.Where(w => w <= 960).DefaultIfEmpty(picture.LargestWidth).Max();
        var html = new StringBuilder();
        html.Append("<picture><source type=\"image/webp\" srcset=\"").Append(SrcSet(picture, "webp"))
            .Append("\" sizes=\"").Append(WebUtility.HtmlEncode(sizes)).Append("\" />");
        html.Append("<img src=\"").Append(Path(picture.Hash, fallbackWidth, picture.FallbackExtension))
            .Append("\" srcset=\"").Append(SrcSet(picture, picture.FallbackExtension))
            .Append("\" sizes=\"").Append(WebUtility.HtmlEncode(sizes))
            .Append(CultureInfo.InvariantCulture, $"\" width=\"{picture.LargestWidth}\" height=\"{picture.HeightAt(picture.LargestWidth)}\"")
            .Append(" alt=\"").Append(WebUtility.HtmlEncode(alt)).Append('"');
        if (cssClass is not null)
        {
            html.Append(" class=\"").Append(WebUtility.HtmlEncode(cssClass)).Append('"');
        }
        html.Append(eager ? " loading=\"eager\" fetchpriority=\"high\"" : " loading=\"lazy\"").Append(" decoding=\"async\" /></picture>");
        return html.ToString();
    }

    [GeneratedRegex(@"^(?<hash>[0-9a-f]{64})-(?<width>[1-9][0-9]{0,4})\.(?<ext>webp|jpg|png)$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"(?:^|[\s(""'=]|https?://[^/\s""')]+)/media/(?<hash>[0-9a-f]{64})-[0-9]{1,5}\.(?:webp|jpg|png)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
