using System.Runtime.CompilerServices;
using System.Text;
using Markdig.Syntax;
using NewsReader.Data;

namespace NewsReader.Stories;

/// <summary>
/// The one Markdown pipeline of the site: the public story page, the editor's preview, imports and
/// the read time all go through it. Every parse runs through <see cref="MarkdigGuard"/>; a body it
/// cannot handle is shown, and counted, as plain text.
/// </summary>
public sealed class MarkdownRenderer
{
    // Markdig, and AngleSharp under HtmlSanitizer, have inputs whose cost grows with the square of
    // their length ("[a](b" repeated, 60,000 link definitions in a row, a table 100,000 columns
    // wide). A parse stops itself once it has run for the parse budget (see MarkdownParser);
    // the few slow paths that check no deadline run on a worker thread that the caller stops
    // waiting for after the work budget. Either way the story is then shown as plain text. A sane
    // 1 MB story takes about 2 s in all (parsing 0.2 s, the rest in the sanitiser), a typical one
    // milliseconds; the budgets leave room for a busy machine.
    private static readonly TimeSpan DefaultParseBudget = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DefaultWorkBudget = TimeSpan.FromSeconds(10);

    private readonly TimeSpan _parseBudget;
    private readonly TimeSpan _workBudget;

    // Builds the pipeline and the sanitiser here, outside any budget: the first story must not pay for them.
    static MarkdownRenderer()
    {
        RuntimeHelpers.RunClassConstructor(typeof(MarkdownParser).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(StoryHtmlSanitizer).TypeHandle);
    }

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
        return MarkdigGuard.TryRun(() => Render(Parse(text)), _workBudget, out var html, out _)
            ? html
            : PlainTextHtml.From(text);
    }

    /// <summary>Counts the words, CJK characters and images of a story for the read time.</summary>
    public TextMeasure Measure(string title, string markdown)
    {
        var text = Cap(markdown);
        return MarkdigGuard.TryRun(() => MarkdownPlainText.Of(Parse(text)), _workBudget, out var body, out _)
            ? TextCounter.Measure(title, body.Text, body.Images)
            // Shown as plain text (see ToSafeHtml), so counted as such.
            : TextCounter.Measure(title, text, images: 0);
    }

    /// <summary>
    /// <see cref="ToSafeHtml"/> and <see cref="Measure"/> of one story from one parse, as a save
    /// needs them; the results are those of the two calls.
    /// </summary>
    public (string Html, TextMeasure Measure) RenderAndMeasure(string title, string markdown) =>
        RenderAndMeasureAll([(title, markdown)])[0];

    /// <summary>
    /// <see cref="RenderAndMeasure"/> for many stories on one worker thread (see
    /// <see cref="MarkdigGuard.TryRunEach"/>): bulk loads such as seed-demo render chunks of stories.
    /// </summary>
    public IReadOnlyList<(string Html, TextMeasure Measure)> RenderAndMeasureAll(IReadOnlyList<(string Title, string Markdown)> stories)
    {
        var texts = stories.Select(story => Cap(story.Markdown)).ToArray();
        // Counted before the HTML is made: when only the sanitiser runs out of time, the story is
        // still measured from its Markdown, as Measure alone would measure it. Boxed so that a
        // worker that ran over can never be read half-way through writing.
        var measures = new StrongBox<TextMeasure>?[texts.Length];
        var rendered = MarkdigGuard.TryRunEach(
            texts.Length,
            i =>
            {
                var document = Parse(texts[i]);
                var body = MarkdownPlainText.Of(document);
                Volatile.Write(ref measures[i], new StrongBox<TextMeasure>(TextCounter.Measure(stories[i].Title, body.Text, body.Images)));
                return Render(document);
            },
            _workBudget);

        var results = new (string Html, TextMeasure Measure)[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            var html = rendered[i].Succeeded ? rendered[i].Value! : PlainTextHtml.From(texts[i]);
            var measure = Volatile.Read(ref measures[i])?.Value ?? TextCounter.Measure(stories[i].Title, texts[i], images: 0);
            results[i] = (html, measure);
        }
        return results;
    }

    /// <summary>
    /// <see cref="Measure"/> for many stories on one worker thread, for bulk loads whose HTML is
    /// made without parsing each story again (seed-demo composes it from rendered paragraphs).
    /// </summary>
    public IReadOnlyList<TextMeasure> MeasureAll(IReadOnlyList<(string Title, string Markdown)> stories)
    {
        var texts = stories.Select(story => Cap(story.Markdown)).ToArray();
        var measured = MarkdigGuard.TryRunEach(
            texts.Length,
            i =>
            {
                var body = MarkdownPlainText.Of(Parse(texts[i]));
                return TextCounter.Measure(stories[i].Title, body.Text, body.Images);
            },
            _workBudget);
        return measured.Select((m, i) => m.Succeeded ? m.Value! : TextCounter.Measure(stories[i].Title, texts[i], images: 0)).ToList();
    }

    private MarkdownDocument Parse(string text) => MarkdownParser.Parse(text, _parseBudget);

    private static string Render(MarkdownDocument document) =>
        StoryHtmlSanitizer.Sanitize(MarkdownParser.ToHtml(document));

    private static string Cap(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown) || Encoding.UTF8.GetByteCount(markdown) <= StoryLimits.BodyBytes)
        {
            return markdown ?? "";
        }

        // Keep the longest prefix that fits, without splitting a character.
        var bytes = 0;
        var length = 0;
        while (length < markdown.Length)
        {
            Rune.DecodeFromUtf16(markdown.AsSpan(length), out var rune, out var consumed);
            if (bytes + rune.Utf8SequenceLength > StoryLimits.BodyBytes)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            length += consumed;
        }

        return markdown[..length];
    }
}
