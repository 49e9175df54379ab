using System.Net;
using System.Text.RegularExpressions;

namespace NewsReader.Stories;

/// <summary>One section of a long story: its heading level (2 or 3), id and text.</summary>
public sealed record TableOfContentsEntry(int Level, string Id, string Text);

/// <summary>
/// The table of contents of a long story, read from its stored HTML (headings carry the ids
/// <see cref="HeadingIds"/> gave them), and where it goes: after the lead paragraph. Plain HTML
/// links, so it needs no script.
/// </summary>
public static partial class TableOfContents
{
    /// <summary>A story with fewer sub-headings than this reads fine without one.</summary>
    public const int MinimumHeadings = 4;

    public static IReadOnlyList<TableOfContentsEntry> From(string bodyHtml)
    {
        var entries = new List<TableOfContentsEntry>();
        foreach (Match match in HeadingPattern().Matches(bodyHtml))
        {
            var text = WebUtility.HtmlDecode(TagPattern().Replace(match.Groups["inner"].Value, "")).Trim();
            entries.Add(new TableOfContentsEntry(match.Groups["level"].Value[0] - '0', match.Groups["id"].Value, text));
        }
        return entries.Count >= MinimumHeadings ? entries : [];
    }

    /// <summary>Where the table goes: after the first paragraph when the story opens with one, else at the top.</summary>
    public static int InsertionPoint(string bodyHtml)
    {
        if (!bodyHtml.StartsWith("<p>", StringComparison.Ordinal))
        {
            return 0;
        }
        var end = bodyHtml.IndexOf("</p>", StringComparison.Ordinal);
        return end < 0 ? 0 : end + "</p>".Length;
    }

    // Only the markup the renderer writes for sub-headings: <h2 id="section-…"><a class="heading-anchor" …>text</a></h2>.
    [GeneratedRegex("""<h(?<level>[23]) id="(?<id>section-[^"]+)">(?<inner>.*?)</h[23]>""", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex("<[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TagPattern();
}
