using System.Text.RegularExpressions;

namespace NewsReader.Search;

/// <summary>A piece of text, marked when it is a word the reader searched for.</summary>
public readonly record struct TextSegment(string Text, bool IsMatch);

/// <summary>
/// Text from the search index with the matched words picked out. FTS5's highlight() and snippet()
/// wrap matches in two control characters (<see cref="MatchStart"/>, <see cref="MatchEnd"/>) rather
/// than in HTML, so that no story text ever reaches the page as markup: the text is split at the
/// sentinels into segments, and the page renders each segment as encoded text, the matches inside
/// &lt;mark&gt;.
/// </summary>
public sealed partial class HighlightedText
{
    public const char MatchStart = '\u0002';
    public const char MatchEnd = '\u0003';

    private HighlightedText(IReadOnlyList<TextSegment> segments) => Segments = segments;

    public static HighlightedText Empty { get; } = new([]);

    public IReadOnlyList<TextSegment> Segments { get; }

    public bool HasMatch => Segments.Any(s => s.IsMatch);

    /// <summary>The text without marks.</summary>
    public string PlainText => string.Concat(Segments.Select(s => s.Text));

    /// <summary>
    /// Splits text with sentinels into segments. Stray sentinels (a story's own control characters,
    /// a match cut off by a snippet's edge) never unbalance anything: a start inside a match and an
    /// end outside one are dropped, and an unclosed match ends with the text.
    /// </summary>
    public static HighlightedText Parse(string? marked)
    {
        var segments = new List<TextSegment>();
        var start = 0;
        var inMatch = false;
        var text = marked ?? "";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not (MatchStart or MatchEnd))
            {
                continue;
            }
            Add(segments, text[start..i], inMatch);
            start = i + 1;
            if (c == MatchStart)
            {
                inMatch = true;
            }
            else if (inMatch)
            {
                inMatch = false;
            }
        }
        Add(segments, text[start..], inMatch);
        return new HighlightedText(segments);
    }

    /// <summary>
    /// Like <see cref="Parse"/> for a snippet of a Markdown body: the markup readers would see as
    /// stray symbols (emphasis stars, link targets, heading hashes, backticks) is taken out first.
    /// </summary>
    public static HighlightedText ParseMarkdownSnippet(string? marked) =>
        Parse(StripMarkdown(marked ?? ""));

    internal static string StripMarkdown(string text)
    {
        text = LinkTarget().Replace(text, "]");
        text = BlockMarker().Replace(text, " ");
        text = Emphasis().Replace(text, "");
        return Whitespace().Replace(text, " ").Trim();
    }

    private static void Add(List<TextSegment> segments, string text, bool isMatch)
    {
        if (text.Length == 0)
        {
            return;
        }
        if (segments.Count > 0 && segments[^1].IsMatch == isMatch)
        {
            segments[^1] = new TextSegment(segments[^1].Text + text, isMatch);
            return;
        }
        segments.Add(new TextSegment(text, isMatch));
    }

    // "](https://example.org "title")" after link or image text; the target may hold sentinels.
    [GeneratedRegex(@"\]\([^)\s]*(?:\s+""[^""]*"")?\)")]
    private static partial Regex LinkTarget();

    // Heading hashes, quote markers and list bullets at the start of a line; "![" and "[" of links.
    [GeneratedRegex(@"(?m)^[ \t]*(?:#{1,6}|>+|[-+*]|\d+[.)])[ \t]+|!?\[|\]")]
    private static partial Regex BlockMarker();

    // Emphasis and code markers: runs of * _ ~ ` that touch a word on one side only.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[*_~`]+|[*_~`]+(?![\p{L}\p{N}])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
