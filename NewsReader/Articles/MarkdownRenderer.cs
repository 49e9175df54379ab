using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NewsReader.Data;

namespace NewsReader.Articles;

/// <summary>
/// The one Markdown pipeline of the site: the public story page, the editor's preview, imports and
/// the read time all go through it.
/// </summary>
public sealed class MarkdownRenderer
{
    // Markdig, and AngleSharp under HtmlSanitizer, have inputs whose cost grows with the square of
    // their length ("[a](b" repeated, 60,000 link definitions in a row, a table 100,000 columns
    // wide). A parse stops itself once it has run for the parse budget (see DeadlineBlockParser);
    // the few slow paths that check no deadline run on a worker thread that the caller stops
    // waiting for after the work budget. Either way the story is then shown as plain text. A sane
    // 1 MB story takes about 2 s in all (parsing 0.2 s, the rest in the sanitiser), a typical one
    // milliseconds; the budgets leave room for a busy machine.
    private static readonly TimeSpan DefaultParseBudget = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DefaultWorkBudget = TimeSpan.FromSeconds(10);

    private static readonly object DeadlineKey = new();

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private static readonly HashSet<string> AllowedClasses =
    [
        "footnotes", "footnote-ref", "footnote-back-ref",
        "contains-task-list", "task-list-item", "task-list-item-checkbox",
    ];

    // Markdig pipelines and a configured HtmlSanitizer are safe to share between threads.
    // (Declared after the fields they are built from: static fields are set in order.)
    private static readonly MarkdownPipeline Pipeline = CreatePipeline();
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private readonly TimeSpan _parseBudget;
    private readonly TimeSpan _workBudget;

    // Reading the defaults also builds the pipeline and the sanitiser here, outside any budget.
    public MarkdownRenderer()
        : this(DefaultParseBudget, DefaultWorkBudget)
    {
    }

    /// <summary>For tests, which have no time to wait for the real budgets.</summary>
    internal MarkdownRenderer(TimeSpan parseBudget, TimeSpan workBudget)
    {
        _parseBudget = parseBudget;
        _workBudget = workBudget;
    }

    /// <summary>Renders a story body to HTML that is safe to show as it is.</summary>
    public string ToSafeHtml(string markdown)
    {
        var text = Cap(markdown);
        return TryWithinBudget(() => Sanitize(Markdown.ToHtml(Parse(text), Pipeline)), out var html)
            ? html
            : PlainTextHtml(text);
    }

    /// <summary>Counts the words, CJK characters and images of a story for the read time.</summary>
    public TextMeasure Measure(string title, string markdown)
    {
        var counter = new TextCounter();
        counter.Add(title ?? "");

        var text = Cap(markdown);
        if (!TryWithinBudget(() => PlainText(Parse(text)), out var body))
        {
            // Shown as plain text (see ToSafeHtml), so counted as such.
            counter.Add(text);
            return counter.ToMeasure(images: 0);
        }

        counter.Add(body.Text);
        return counter.ToMeasure(body.Images);
    }

    /// <summary>
    /// <see cref="ToSafeHtml"/> and <see cref="Measure"/> of one story with one worker thread instead
    /// of two. The results are those of the two calls; if the combined work fails, the two calls are made.
    /// </summary>
    public (string Html, TextMeasure Measure) RenderAndMeasure(string title, string markdown) =>
        TryWithinBudget(() => RenderAndMeasureCore(title, markdown), out var both)
            ? both
            : (ToSafeHtml(markdown), Measure(title, markdown));

    /// <summary>
    /// <see cref="RenderAndMeasure"/> for many stories on one worker thread: for bulk loads (seed-demo,
    /// 100,000 stories) starting a 16 MB-stack thread per story cost more than rendering it. Each
    /// story keeps its own parse deadline; when the worker makes no progress for a whole work budget,
    /// or a story fails, the stories it did not finish are done one by one by RenderAndMeasure.
    /// </summary>
    public IReadOnlyList<(string Html, TextMeasure Measure)> RenderAndMeasureAll(IReadOnlyList<(string Title, string Markdown)> stories)
    {
        var done = new Rendered?[stories.Count];
        var progress = 0;
        var stop = false;
        var worker = new Thread(
            () =>
            {
                for (var i = 0; i < stories.Count && !Volatile.Read(ref stop); i++)
                {
                    try
                    {
                        var (html, measure) = RenderAndMeasureCore(stories[i].Title, stories[i].Markdown);
                        Volatile.Write(ref done[i], new Rendered(html, measure));
                    }
                    catch (Exception)
                    {
                        // Left empty: done one by one below.
                    }
                    Volatile.Write(ref progress, i + 1);
                }
            },
            MarkdigGuard.StackBytes)
        {
            IsBackground = true,
            Name = "Markdown",
        };
        worker.Start();

        var seen = -1;
        while (!worker.Join(_workBudget))
        {
            var now = Volatile.Read(ref progress);
            if (now == seen)
            {
                Volatile.Write(ref stop, true);
                break;
            }
            seen = now;
        }

        var results = new (string Html, TextMeasure Measure)[stories.Count];
        for (var i = 0; i < stories.Count; i++)
        {
            results[i] = Volatile.Read(ref done[i]) is { } rendered
                ? (rendered.Html, rendered.Measure)
                : RenderAndMeasure(stories[i].Title, stories[i].Markdown);
        }
        return results;
    }

    private sealed record Rendered(string Html, TextMeasure Measure);

    private (string Html, TextMeasure Measure) RenderAndMeasureCore(string title, string markdown)
    {
        var text = Cap(markdown);
        var html = Sanitize(Markdown.ToHtml(Parse(text), Pipeline));
        var body = PlainText(Parse(text));
        var counter = new TextCounter();
        counter.Add(title ?? "");
        counter.Add(body.Text);
        return (html, counter.ToMeasure(body.Images));
    }

    private static MarkdownPipeline CreatePipeline()
    {
        // Listed one by one: UseAdvancedExtensions() would bring generic attributes ({onclick=...}),
        // and raw HTML stays off so that tags in a story are shown as text.
        var builder = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UsePipeTables()
            .UseEmphasisExtras()
            .UseAutoLinks()
            .UseTaskLists()
            .UseFootnotes()
            .UseFigures();
        builder.BlockParsers.Insert(0, new DeadlineBlockParser());
        builder.InlineParsers.Insert(0, new DeadlineInlineParser());
        return builder.Build();
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
        Replace(sanitizer.AllowedSchemes, AllowedSchemes);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        return sanitizer;

        static void Replace(ISet<string> set, params string[] values)
        {
            set.Clear();
            set.UnionWith(values);
        }
    }

    private static string Cap(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown) || Encoding.UTF8.GetByteCount(markdown) <= ArticleLimits.BodyBytes)
        {
            return markdown ?? "";
        }

        // Keep the longest prefix that fits, without splitting a character.
        var bytes = 0;
        var length = 0;
        while (length < markdown.Length)
        {
            Rune.DecodeFromUtf16(markdown.AsSpan(length), out var rune, out var consumed);
            if (bytes + rune.Utf8SequenceLength > ArticleLimits.BodyBytes)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            length += consumed;
        }

        return markdown[..length];
    }

    /// <summary>
    /// Runs work through <see cref="MarkdigGuard"/> within the work budget. False when it threw
    /// or ran out of time: Markdig refuses deep nesting (ArgumentException), the parse deadline
    /// ends in a TimeoutException, and a library bug on hostile input must not stop a story from
    /// being saved.
    /// </summary>
    private bool TryWithinBudget<T>(Func<T> work, [MaybeNullWhen(false)] out T result) =>
        MarkdigGuard.TryRun(work, _workBudget, out result, out _);

    private MarkdownDocument Parse(string text)
    {
        var context = new MarkdownParserContext();
        context.Properties[DeadlineKey] = Stopwatch.GetTimestamp() + (long)(_parseBudget.TotalSeconds * Stopwatch.Frequency);
        var document = Markdown.Parse(text, Pipeline, context);
        NeutraliseUnsafeUrls(document);
        return document;
    }

    private static void NeutraliseUnsafeUrls(MarkdownDocument document)
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
            if (url is not null && !IsAllowedUrl(url))
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

    /// <summary>
    /// True for http, https, mailto and relative URLs, judged the way a browser would read them:
    /// entities and percent-escapes decoded, whitespace and control characters ignored, any case.
    /// </summary>
    internal static bool IsAllowedUrl(string url)
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

    private static string Sanitize(string html)
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
            && !id.StartsWith("fnref:", StringComparison.Ordinal))
        {
            element.RemoveAttribute("id");
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

        static bool IsAllowedClass(string name) =>
            AllowedClasses.Contains(name)
            || (name.StartsWith("language-", StringComparison.Ordinal) && name.Length > "language-".Length
                && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '#' or '.'));

        static bool IsExternal(string href) =>
            href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("//", StringComparison.Ordinal);
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

    /// <summary>The fallback for a body Markdig cannot handle: its text, HTML-encoded, in paragraphs.</summary>
    private static string PlainTextHtml(string text)
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

    /// <summary>
    /// What a reader reads: literal text, code, link text; not URLs, not image alt text and not the
    /// Markdown syntax. With the number of images.
    /// </summary>
    private static (string Text, int Images) PlainText(MarkdownDocument document)
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
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline autolink:
                    // Shown as the link's text.
                    text.Append(autolink.Url);
                    break;
                case LineBreakInline:
                    text.Append('\n');
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

    private static string AltText(LinkInline image)
    {
        var text = new StringBuilder();
        foreach (var node in Walk(image))
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

    private static void CheckDeadline(MarkdownParserContext? context)
    {
        if (context is not null && context.Properties.TryGetValue(DeadlineKey, out var deadline)
            && Stopwatch.GetTimestamp() > (long)deadline)
        {
            throw new TimeoutException("The Markdown took too long to parse.");
        }
    }

    /// <summary>Opens no block; tried at the start of most lines, it stops a parse that ran out of time.</summary>
    private sealed class DeadlineBlockParser : BlockParser
    {
        public override bool CanInterrupt(BlockProcessor processor, Block block) => true;

        public override BlockState TryOpen(BlockProcessor processor)
        {
            CheckDeadline(processor.Context);
            return BlockState.None;
        }
    }

    /// <summary>Matches nothing; tried before each run of text, it stops a parse that ran out of time.</summary>
    private sealed class DeadlineInlineParser : InlineParser
    {
        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            CheckDeadline(processor.Context);
            return false;
        }
    }

    /// <summary>
    /// Words are whitespace-separated tokens with a letter or digit; Han, Hiragana, Katakana and
    /// Hangul characters are counted one by one instead and do not make a token a word.
    /// </summary>
    private sealed class TextCounter
    {
        private int _words;
        private int _cjkCharacters;

        public void Add(string text)
        {
            var hasLetterOrDigit = false;
            foreach (var rune in text.EnumerateRunes())
            {
                if (Rune.IsWhiteSpace(rune))
                {
                    EndToken();
                }
                else if (IsCjk(rune.Value))
                {
                    _cjkCharacters++;
                }
                else if (Rune.IsLetterOrDigit(rune))
                {
                    hasLetterOrDigit = true;
                }
            }

            EndToken();

            void EndToken()
            {
                if (hasLetterOrDigit)
                {
                    _words++;
                }

                hasLetterOrDigit = false;
            }
        }

        public TextMeasure ToMeasure(int images) => new(_words, _cjkCharacters, images);

        private static bool IsCjk(int c) => c switch
        {
            // Han: radicals, iteration and number marks, the unified ideographs and their extensions
            >= 0x2E80 and <= 0x2FDF or 0x3005 or 0x3007 or >= 0x3021 and <= 0x3029 or >= 0x3038 and <= 0x303B
                or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF
                or >= 0x20000 and <= 0x2FA1F or >= 0x30000 and <= 0x323AF => true,
            // Hiragana, Katakana (with the long vowel mark), their small and half-width forms
            >= 0x3041 and <= 0x309F or >= 0x30A1 and <= 0x30FA or >= 0x30FC and <= 0x30FF or >= 0x31F0 and <= 0x31FF
                or >= 0x32D0 and <= 0x32FE or >= 0x3300 and <= 0x3357 or >= 0xFF66 and <= 0xFF9D
                or >= 0x1AFF0 and <= 0x1B16F => true,
            // Hangul: jamo, compatibility jamo, syllables, half-width forms
            >= 0x1100 and <= 0x11FF or >= 0x3131 and <= 0x318E or >= 0xA960 and <= 0xA97F or >= 0xAC00 and <= 0xD7FF
                or >= 0xFFA0 and <= 0xFFDC => true,
            _ => false,
        };
    }
}
