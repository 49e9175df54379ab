using System.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsReader.Stories;

/// <summary>
/// Gives each heading of a story a stable id made from its text ("## Tram times" → section-tram-times),
/// so a section can be linked to and listed in the table of contents. The prefix keeps a heading from
/// taking an id the page itself uses (main, correction-heading) or one a script might look up.
/// </summary>
internal static class HeadingIds
{
    public const string Prefix = "section-";

    public static void Assign(MarkdownDocument document)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = heading.Inline is null ? "" : PlainText(heading.Inline);
            var slug = Slug.From(text);
            var id = Prefix + (slug.Length == 0 ? "heading" : slug);
            // The same heading twice ("Background", "Background") gets -2, -3: ids stay unique and
            // stay the same for as long as the headings before it do.
            for (var n = 2; !taken.Add(id); n++)
            {
                id = $"{Prefix}{(slug.Length == 0 ? "heading" : slug)}-{n}";
            }
            heading.GetAttributes().Id = id;
        }
    }

    private static string PlainText(ContainerInline inline)
    {
        var text = new StringBuilder();
        foreach (var node in inline.Descendants())
        {
            switch (node)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
            }
        }
        return text.ToString();
    }
}
