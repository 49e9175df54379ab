using System.Text;
using AngleSharp.Dom;
using Ganss.Xss;

namespace NewsReader.Stories;

/// <summary>
/// The last step of rendering a story: HtmlSanitizer keeps only the tags and attributes a story
/// needs, then each element is finished (classes and ids Markdig's extensions need, rel on
/// external links, lazy images, disabled task-list checkboxes).
/// </summary>
internal static class StoryHtmlSanitizer
{
    private static readonly HashSet<string> AllowedClasses =
    [
        "footnotes", "footnote-ref", "footnote-back-ref",
        "contains-task-list", "task-list-item", "task-list-item-checkbox",
    ];

    // A configured HtmlSanitizer is safe to share between threads.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string Sanitize(string html)
    {
        using var dom = Sanitizer.SanitizeDom(html);
        if (dom.Body is null)
        {
            return "";
        }

        foreach (var element in dom.Body.QuerySelectorAll("*").ToList())
        {
            FinishElement(element);
        }

        return Serialize(dom.Body);
    }

    private static void FinishElement(IElement element)
    {
        if (element.GetAttribute("class") is { } classes)
        {
            var kept = classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(IsAllowedClass).ToList();
            if (kept.Count == 0)
            {
                element.RemoveAttribute("class");
            }
            else
            {
                element.SetAttribute("class", string.Join(' ', kept));
            }
        }

        if (element.GetAttribute("id") is { } id && !id.StartsWith("fn:", StringComparison.Ordinal)
            && !id.StartsWith("fnref:", StringComparison.Ordinal) && !IsHeadingId(element, id))
        {
            element.RemoveAttribute("id");
        }
        else if (element.GetAttribute("id") is { } headingId && IsHeadingId(element, headingId))
        {
            AddAnchorLink(element, headingId);
        }

        switch (element.LocalName)
        {
            case "a" when element.GetAttribute("href") is { } href && IsExternal(href):
                element.SetAttribute("rel", "noopener nofollow");
                break;
            case "img":
                element.SetAttribute("loading", "lazy");
                break;
            case "input" when element.GetAttribute("type") != "checkbox":
                element.Remove();
                break;
            case "input":
                element.SetAttribute("disabled", "disabled");
                break;
        }

        static bool IsHeadingId(IElement element, string id) =>
            element.LocalName is ['h', >= '1' and <= '6'] && id.StartsWith(HeadingIds.Prefix, StringComparison.Ordinal);

        static bool IsAllowedClass(string name) =>
            AllowedClasses.Contains(name)
            || (name.StartsWith("language-", StringComparison.Ordinal) && name.Length > "language-".Length
                && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '#' or '.'));

        static bool IsExternal(string href) =>
            href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("//", StringComparison.Ordinal);
    }

    /// <summary>
    /// Makes the heading's text a link to its own section, to copy or share. The heading still reads
    /// as its text alone (a separate "#" link would be read out with it); a heading that already holds
    /// a link is left as it is, since links cannot nest.
    /// </summary>
    private static void AddAnchorLink(IElement heading, string id)
    {
        if (heading.QuerySelector("a") is not null)
        {
            return;
        }
        var anchor = heading.Owner!.CreateElement("a");
        anchor.SetAttribute("class", "heading-anchor");
        anchor.SetAttribute("href", "#" + id);
        while (heading.FirstChild is { } child)
        {
            anchor.AppendChild(child);
        }
        heading.AppendChild(anchor);
    }

    // AngleSharp's own serialiser asks every node for its next sibling, which is a linear search,
    // so a story with tens of thousands of paragraphs took minutes. This walk is linear.
    private static string Serialize(IElement root)
    {
        var formatter = HtmlFormatter.Instance;
        var html = new StringBuilder();
        var stack = new Stack<(INode Node, bool Closing)>();
        PushChildren(root);

        while (stack.TryPop(out var entry))
        {
            switch (entry.Node)
            {
                case IElement element when entry.Closing:
                    html.Append(formatter.CloseTag(element, element.Flags.HasFlag(NodeFlags.SelfClosing)));
                    break;
                case IElement element:
                    html.Append(formatter.OpenTag(element, element.Flags.HasFlag(NodeFlags.SelfClosing)));
                    // The HTML parser drops a newline right after <pre>: write one more to keep it.
                    if (element.Flags.HasFlag(NodeFlags.LineTolerance) && element.FirstChild is IText { Data: ['\n', ..] })
                    {
                        html.Append('\n');
                    }

                    stack.Push((element, true));
                    PushChildren(element);
                    break;
                case IText text:
                    html.Append(formatter.Text(text));
                    break;
                    // Comments, the only other kind of node in a body, were removed by the sanitiser.
            }
        }

        return html.ToString();

        void PushChildren(INode parent)
        {
            var children = parent.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], false));
            }
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        Replace(sanitizer.AllowedTags,
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "ul", "ol", "li", "blockquote", "pre", "code",
            "em", "strong", "del", "ins", "mark", "sup", "sub", "table", "thead", "tbody", "tr", "th", "td",
            "hr", "br", "figure", "figcaption", "input", "div");
        Replace(sanitizer.AllowedAttributes,
            "href", "src", "alt", "title", "class", "id", "start", "type", "checked", "disabled");
        Replace(sanitizer.AllowedSchemes, [.. UrlPolicy.AllowedSchemes]);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        return sanitizer;

        static void Replace(ISet<string> set, params string[] values)
        {
            set.Clear();
            set.UnionWith(values);
        }
    }
}
