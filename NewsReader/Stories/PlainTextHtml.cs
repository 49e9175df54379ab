using System.Text;

namespace NewsReader.Stories;

/// <summary>
/// How a story body is shown when Markdig cannot handle it (too slow, too deep, a library bug):
/// its text as it was typed, safe to show as HTML.
/// </summary>
public static class PlainTextHtml
{
    /// <summary>The fallback for a body Markdig cannot handle: its text, HTML-encoded, in paragraphs.</summary>
    public static string From(string text)
    {
        var html = new StringBuilder(text.Length + (text.Length / 8));
        var paragraph = new StringBuilder();
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.IsWhiteSpace())
            {
                Flush();
                continue;
            }

            if (paragraph.Length > 0)
            {
                paragraph.Append('\n');
            }

            paragraph.Append(line.Trim());
        }

        Flush();
        return html.ToString();

        void Flush()
        {
            if (paragraph.Length == 0)
            {
                return;
            }

            html.Append("<p>");
            foreach (var chunk in paragraph.GetChunks())
            {
                foreach (var c in chunk.Span)
                {
                    html.Append(c switch
                    {
                        '&' => "&amp;",
                        '<' => "&lt;",
                        '>' => "&gt;",
                        '"' => "&quot;",
                        '\0' => "\uFFFD",
                        _ => null,
                    } ?? c.ToString());
                }
            }

            html.Append("</p>\n");
            paragraph.Clear();
        }
    }
}
