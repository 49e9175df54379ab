using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsReader.Stories;

/// <summary>The text of a parsed story as a reader reads it, for the read time.</summary>
internal static class MarkdownPlainText
{
    /// <summary>
    /// What a reader reads: literal text, code, link text; not URLs, not image alt text and not the
    /// Markdown syntax. With the number of images.
    /// </summary>
    public static (string Text, int Images) Of(MarkdownDocument document)
    {
        var text = new StringBuilder();
        var images = 0;
        var stack = new Stack<MarkdownObject>();
        stack.Push(document);
        while (stack.TryPop(out var node))
        {
            switch (node)
            {
                case ContainerBlock container:
                    PushReversed(container);
                    break;
                case CodeBlock code:
                    text.Append('\n').Append(code.Lines.ToString());
                    break;
                case LeafBlock leaf:
                    // Every block starts on a new line, so that words of two blocks never run together.
                    text.Append('\n');
                    if (leaf.Inline is { } inline)
                    {
                        stack.Push(inline);
                    }

                    break;
                case LinkInline { IsImage: true }:
                    images++;
                    break;
                case ContainerInline container:
                    for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        stack.Push(child);
                    }

                    break;
                case AutolinkInline autolink:
                    // Shown as the link's text.
                    text.Append(autolink.Url);
                    break;
                case LineBreakInline:
                    text.Append('\n');
                    break;
                default:
                    AppendInlineText(text, node);
                    break;
            }
        }

        return (text.ToString(), images);

        void PushReversed(ContainerBlock container)
        {
            for (var i = container.Count - 1; i >= 0; i--)
            {
                stack.Push(container[i]);
            }
        }
    }

    /// <summary>Appends the text of a literal, a code span or an entity; any other node adds nothing.</summary>
    internal static void AppendInlineText(StringBuilder text, MarkdownObject node)
    {
        switch (node)
        {
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
        }
    }
}
