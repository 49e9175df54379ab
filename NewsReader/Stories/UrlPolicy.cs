using System.Net;
using System.Text;

namespace NewsReader.Stories;

/// <summary>Which link and image URLs a story may have: http, https, mailto and relative ones.</summary>
public static class UrlPolicy
{
    public static readonly IReadOnlyList<string> AllowedSchemes = ["http", "https", "mailto"];

    /// <summary>
    /// True for http, https, mailto and relative URLs, judged the way a browser would read them:
    /// entities and percent-escapes decoded, whitespace and control characters ignored, any case.
    /// </summary>
    public static bool IsAllowed(string url)
    {
        var decoded = url;
        for (var i = 0; i < 3; i++)
        {
            var next = Uri.UnescapeDataString(WebUtility.HtmlDecode(decoded));
            if (next == decoded)
            {
                break;
            }

            decoded = next;
        }

        var compact = new StringBuilder(decoded.Length);
        foreach (var c in decoded)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c))
            {
                compact.Append(c);
            }
        }

        var candidate = compact.ToString();
        var colon = candidate.IndexOf(':', StringComparison.Ordinal);
        var pathStart = candidate.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (pathStart >= 0 && pathStart < colon))
        {
            return true;
        }

        var scheme = candidate[..colon];
        return AllowedSchemes.Any(allowed => scheme.Equals(allowed, StringComparison.OrdinalIgnoreCase));
    }
}
