using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NewsReader.Stories;
using NewsReader.Data;

namespace NewsReader.Tests.Stories;

public partial class MarkdownRendererTests
{
    [Fact]
    public void BodyOverTheSizeLimitIsCut()
    {
        var paragraph = new string('a', 999) + "\n\n";
        var markdown = string.Concat(Enumerable.Repeat(paragraph, 2 * StoryLimits.BodyBytes / paragraph.Length)) + "THE END";

        var html = _renderer.ToSafeHtml(markdown);

        Assert.DoesNotContain("THE END", html);
        Assert.InRange(Parse(html).QuerySelectorAll("p").Length, 1000, 1100);
    }

    [Fact]
    public void CutNeverSplitsACharacter()
    {
        // Four-byte characters that do not line up with the limit.
        var markdown = "x" + string.Concat(Enumerable.Repeat("😀", (StoryLimits.BodyBytes / 4) + 10));

        var html = _renderer.ToSafeHtml(markdown);

        Assert.DoesNotContain('\uFFFD', html);
        Assert.True(Encoding.UTF8.GetByteCount(Parse(html).TextContent.Trim()) <= StoryLimits.BodyBytes);
    }

    [Fact]
    public void NestingMarkdigRefusesFallsBackToEncodedParagraphs()
    {
        var markdown = new string('>', 50_000) + " <b>deep</b>\n\nsecond & last";

        var html = _renderer.ToSafeHtml(markdown);

        AssertSafe(html);
        var paragraphs = Parse(html).QuerySelectorAll("p");
        Assert.Equal(2, paragraphs.Length);
        Assert.EndsWith(" <b>deep</b>", paragraphs[0].TextContent);
        Assert.Equal("second & last", paragraphs[1].TextContent);
    }

    // Built on demand: handing megabyte strings to xunit as theory data would copy them into test names.
    private static readonly Dictionary<string, Func<string>> Pathological = new()
    {
        ["50k nested quotes"] = () => new string('>', 50_000) + "a",
        ["50k nested quotes with spaces"] = () => Repeat("> ", 50_000) + "a",
        ["50k open brackets"] = () => new string('[', 50_000) + "a",
        ["nested brackets"] = () => new string('[', 50_000) + "a" + new string(']', 50_000),
        ["100k stars"] = () => new string('*', 100_000),
        ["stars around a word"] = () => new string('*', 50_000) + "a" + new string('*', 50_000),
        ["20k nested list markers"] = () => Repeat("- + ", 10_000) + "a",
        ["20k nested ordered lists"] = () => Repeat("1. ", 20_000) + "a",
        ["deeply indented lists"] = () => string.Concat(Enumerable.Range(0, 1000).Select(i => new string(' ', i * 2) + "- a\n")),
        ["nested emphasis"] = () => Repeat("*a **a ", 65_000) + "b" + Repeat(" a** a*", 65_000),
        ["emphasis openers without closers"] = () => Repeat("_a ", 100_000),
        ["unclosed links"] = () => Repeat("[a](b", 200_000),
        ["unclosed link titles"] = () => Repeat("[ (](", 200_000),
        ["unclosed angle links"] = () => Repeat("[a](<b", 150_000),
        ["many setext headings"] = () => Repeat("a\n=\n", 250_000),
        ["many link definitions"] = () => LinkDefinitions(30_000) + Repeat("[1] ", 1000),
        ["many paragraphs"] = () => Repeat("a\n\n", 300_000),
        ["wide table"] = () => new string('|', 60_000) + "\n" + Repeat("|-", 30_000) + "\n" + new string('|', 60_000),
        ["many footnotes"] = () => string.Concat(Enumerable.Range(0, 20_000).Select(i => $"x[^{i}]\n\n[^{i}]: n\n\n")),
        ["backtick runs"] = () => string.Concat(Enumerable.Range(1, 1400).Select(i => "e" + new string('`', i))),
        ["unclosed comments"] = () => "</" + Repeat("<!--", 250_000),
        ["control characters"] = () => Repeat("a\u0000b\u0001\u001F\u007F\r", 100_000),
    };

    public static TheoryData<string> PathologicalInputs => new(Pathological.Keys);

    [Theory]
    [MemberData(nameof(PathologicalInputs))]
    public void PathologicalInputReturnsSafely(string name)
    {
        var markdown = Pathological[name]();

        var html = _impatientRenderer.ToSafeHtml(markdown);
        var measure = _impatientRenderer.Measure(name, markdown);

        // Something is shown (the rendering or its plain-text fallback) and the title's words count.
        Assert.False(string.IsNullOrWhiteSpace(html), "nothing was rendered");
        Assert.True(measure.Words >= name.Split(' ').Length, $"{measure.Words} words counted");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ParseThatRunsOutOfTimeFallsBackToPlainText()
    {
        // Markdig spends minutes on this megabyte; the parse gives up at its budget.
        var renderer = new MarkdownRenderer(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));
        var markdown = Repeat("[a](b", 200_000);

        var html = renderer.ToSafeHtml(markdown);
        var measure = renderer.Measure("", markdown);

        Assert.Equal("<p>" + markdown + "</p>\n", html);
        Assert.Equal(new TextMeasure(1, 0, 0), measure);
    }

    [Fact]
    public void WorkThatRunsOutOfTimeFallsBackToPlainText()
    {
        // A run of link definitions is slow where the parse checks no deadline; the caller stops waiting.
        var renderer = new MarkdownRenderer(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
        var markdown = LinkDefinitions(30_000);

        var html = renderer.ToSafeHtml(markdown);

        Assert.StartsWith("<p>[1]: u\n[2]: u\n", html);
    }

    [Fact]
    public void RendererCanBeSharedBetweenThreads()
    {
        var (_, body) = ReadTimeTests.StoryOf(500);
        var expected = _renderer.ToSafeHtml(body);

        var results = new string[16];
        Parallel.For(0, results.Length, i => results[i] = _renderer.ToSafeHtml(body));

        Assert.All(results, html => Assert.Equal(expected, html));
    }

    private static string LinkDefinitions(int count) => string.Concat(Enumerable.Range(1, count).Select(i => $"[{i}]: u\n"));

    private static string Repeat(string value, int count) => new StringBuilder(value.Length * count).Insert(0, value, count).ToString();

    private static IHtmlElement Parse(string html) => new HtmlParser().ParseDocument("<!doctype html><html><body>" + html).Body!;

    private static void AssertSafe(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // Attribute values are always double-quoted here: blank them, then look for handlers in the tags.
        var tags = Regex.Replace(html, "\"[^\"]*\"", "\"\"");
        Assert.DoesNotMatch(new Regex(@"<[^>]*\son\w+\s*=", RegexOptions.IgnoreCase), tags);

        var body = Parse(html);
        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.Contains(element.LocalName, ExpectedTags);
            if (element.LocalName == "input")
            {
                Assert.Equal("checkbox", element.GetAttribute("type"));
            }

            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} on <{element.LocalName}>");
                Assert.Contains(attribute.Name, ExpectedAttributes);
                if (attribute.Name is "href" or "src")
                {
                    Assert.True(IsHarmlessUrl(attribute.Value), $"{attribute.Name}=\"{attribute.Value}\"");
                }
            }
        }
    }

    private static bool IsHarmlessUrl(string url)
    {
        var decoded = url;
        for (var i = 0; i < 3; i++)
        {
            decoded = Uri.UnescapeDataString(WebUtility.HtmlDecode(decoded));
        }

        var compact = new string(decoded.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        if (compact.StartsWith("javascript:", StringComparison.Ordinal) || compact.StartsWith("vbscript:", StringComparison.Ordinal)
            || compact.StartsWith("data:", StringComparison.Ordinal))
        {
            return false;
        }

        var scheme = Regex.Match(compact, "^([a-z][a-z0-9+.-]*):");
        return !scheme.Success || scheme.Groups[1].Value is "http" or "https" or "mailto";
    }
}
