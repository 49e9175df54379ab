using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsReader.Stories;

/// <summary>
/// Takes the links and images whose URL <see cref="UrlPolicy"/> refuses out of a parsed story,
/// keeping what a reader would read: a link's text, an image's alt text.
/// </summary>
internal static class UnsafeUrls
{
    /// <summary>Changes <paramref name="document"/> in place, before it is rendered.</summary>
    public static void Neutralise(MarkdownDocument document)
    {
        var unsafeObjects = new List<MarkdownObject>();
        foreach (var node in Walk(document))
        {
            var url = node switch
            {
                LinkInline link => link.GetDynamicUrl?.Invoke() ?? link.Url,
                AutolinkInline autolink => autolink.Url,
                LinkReferenceDefinition definition => definition.Url,
                _ => null,
            };
            if (url is not null && !UrlPolicy.IsAllowed(url))
            {
                unsafeObjects.Add(node);
            }
        }

        foreach (var node in unsafeObjects)
        {
            switch (node)
            {
                case LinkInline { IsImage: true } image:
                    image.ReplaceBy(new LiteralInline(AltText(image)), copyChildren: false);
                    break;
                case LinkInline link:
                    // Keep the link text in its place.
                    while (link.FirstChild is { } child)
                    {
                        child.Remove();
                        link.InsertBefore(child);
                    }

                    link.Remove();
                    break;
                case AutolinkInline autolink:
                    autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
                    break;
                case LinkReferenceDefinition definition:
                    // Links using it were resolved (and checked) at parse time; this just leaves no trace.
                    definition.Url = null;
                    break;
            }
        }
    }

    private static string AltText(LinkInline image)
    {
        var text = new StringBuilder();
        foreach (var node in Walk(image))
        {
            MarkdownPlainText.AppendInlineText(text, node);
        }

        return text.ToString();
    }

    /// <summary>Every block and inline, in document order, without recursion (nesting can be deep).</summary>
    private static IEnumerable<MarkdownObject> Walk(MarkdownObject root)
    {
        var stack = new Stack<MarkdownObject>();
        stack.Push(root);
        while (stack.TryPop(out var node))
        {
            yield return node;
            switch (node)
            {
                case ContainerBlock container:
                    for (var i = container.Count - 1; i >= 0; i--)
                    {
                        stack.Push(container[i]);
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    stack.Push(inline);
                    break;
                case ContainerInline container:
                    for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        stack.Push(child);
                    }

                    break;
            }
        }
    }
}
