using System.Net;
using System.Text.RegularExpressions;

namespace NewsReader.Media;

/// <summary>One picture a story shows: where it comes from and the alt text it would be shown with.</summary>
public sealed record ShownPicture(string Source, string AltText, bool FromLibrary);

/// <summary>
/// The pictures in a story's safe HTML (as the Markdown pipeline writes it) and its lead image:
/// which of them lack alt text, and the responsive markup for those that come from the library.
/// Pure: the library's pictures are passed in.
/// </summary>
public static partial class StoryPictures
{
    /// <summary>The body's column: full width on a phone, at most about 46rem on a desktop.</summary>
    public const string BodySizes = "(max-width: 760px) 100vw, 736px";

    public static IReadOnlyList<ShownPicture> InBody(string safeHtml, IReadOnlyDictionary<string, MediaPicture> library) =>
        ImageTag().Matches(safeHtml).Select(m => Shown(Attribute(m.Value, "src"), Attribute(m.Value, "alt"), library)).ToList();

    public static ShownPicture? Lead(string? leadImage, IReadOnlyDictionary<string, MediaPicture> library) =>
        string.IsNullOrWhiteSpace(leadImage) ? null : Shown(leadImage.Trim(), "", library);

    /// <summary>What an editor must describe before the story can be published; empty when nothing.</summary>
    public static IReadOnlyList<string> MissingAltText(string safeHtml, string? leadImage, IReadOnlyDictionary<string, MediaPicture> library)
    {
        var missing = new List<string>();
        if (Lead(leadImage, library) is { AltText.Length: 0 } lead)
        {
            missing.Add(lead.FromLibrary
                ? "the lead image (describe it in the media library or under the lead image field)"
                : "the lead image: a picture from elsewhere has no alt text; upload it to the media library and describe it");
        }
        missing.AddRange(InBody(safeHtml, library).Where(p => p.AltText.Length == 0)
            .Select(p => $"the picture {p.Source} in the body (write its description between the brackets: ![description](…))"));
        return missing;
    }

    /// <summary>Library pictures in the body get srcset, sizes, width and height; others stay as they are.</summary>
    public static string WithResponsiveMarkup(string safeHtml, IReadOnlyDictionary<string, MediaPicture> library) =>
        ImageTag().Replace(safeHtml, match =>
        {
            var shown = Shown(Attribute(match.Value, "src"), Attribute(match.Value, "alt"), library);
            return shown.FromLibrary && library.TryGetValue(MediaUrls.HashOf(shown.Source)!, out var picture) && picture.Ready
                ? MediaUrls.PictureHtml(picture, shown.AltText, BodySizes)
                : match.Value;
        });

    private static ShownPicture Shown(string source, string alt, IReadOnlyDictionary<string, MediaPicture> library)
    {
        var fromLibrary = MediaUrls.HashOf(source) is { } hash && library.TryGetValue(hash, out var picture);
        var text = alt.Trim();
        if (text.Length == 0 && fromLibrary)
        {
            text = library[MediaUrls.HashOf(source)!].AltText.Trim();
        }
        return new ShownPicture(source, text, fromLibrary);
    }

    private static string Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"(?<value>[^\"]*)\"", RegexOptions.CultureInvariant);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["value"].Value) : "";
    }

    [GeneratedRegex("<img\\s[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex ImageTag();
}
