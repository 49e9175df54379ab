using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NewsReader.Stories;
using NewsReader.Data;

namespace NewsReader.Tests.Stories;

public class MarkdownRendererTests
{
    private static readonly HashSet<string> ExpectedTags =
    [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "ul", "ol", "li", "blockquote", "pre", "code", "em",
        "strong", "del", "ins", "mark", "sup", "sub", "table", "thead", "tbody", "tr", "th", "td", "hr", "br",
        "figure", "figcaption", "input", "div",
    ];

    private static readonly HashSet<string> ExpectedAttributes =
        ["href", "src", "alt", "title", "class", "id", "start", "type", "checked", "disabled", "rel", "loading"];

    private readonly MarkdownRenderer _renderer = new();

    // The real budgets are seconds; hostile input gives up at them, and tests need not wait that long.
    private readonly MarkdownRenderer _impatientRenderer = new(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1));

    public static TheoryData<string> HostileInputs => new()
    {
        "<script>alert(1)</script>",
        "Text <script src=\"https://evil.example/x.js\"></script> more",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)><circle r=\"1\"/></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;&#x61;vascript:alert(1))",
        "[x](java&#x09;script:alert(1))",
        "[x](jav&#97;script&colon;alert(1))",
        "[x](<java script:alert(1)>)",
        "[x](<javascript:alert(1)>)",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x](javascript:alert(1))",
        "![x](JAVASCRIPT:alert(1) \"title\")",
        "<javascript:alert(1)>",
        "<JaVaScRiPt:alert(1)>",
        "<vbscript:msgbox(1)>",
        "[x][1]\n\n[1]: javascript:alert(1)",
        "![x][1]\n\n[1]: data:image/png;base64,AAAA",
        "[x]\n\n[x]: javascript:alert(1) \"title\"",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<form action=\"https://evil.example\"><input type=\"text\" name=\"q\"><button>Go</button></form>",
        "<style>body { display: none }</style>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[x](https://example.org){onclick=\"alert(1)\"}",
        "# Heading {onclick=\"alert(1)\" style=\"color:red\"}",
        "[x](  javascript:alert(1))",
        "[x](\njavascript:alert(1))",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "[x](%6Aavascript:alert(1))",
        "[x](%256Aavascript:alert(1))",
        "<!-- --><script>alert(1)</script>",
        "<!-- <script>alert(1)</script> -->",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "[x](https://example.org \"title\\\" onmouseover=\\\"alert(1)\")",
        "![x](https://example.org/a.png\" onerror=\"alert(1))",
        "```js\" onmouseover=\"alert(1)\nalert(1)\n```",
        "Claim[^1].\n\n[^1]: [source](javascript:alert(1))",
        "| a |\n|---|\n| [x](javascript:alert(1)) |",
        "[![img](javascript:alert(1))](javascript:alert(2))",
        "![[inner](javascript:alert(1))](javascript:alert(2))",
        "[x](javascript://example.org/%0Aalert(1))",
        "[x](\u0001javascript:alert(1))",
        "[x](java\u0000script:alert(1))",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        "<img src=\"x\" onerror=\"&#97;lert(1)\">",
        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
        "<textarea><script>alert(1)</script></textarea>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void HostileMarkdownRendersWithoutScriptsHandlersOrUnsafeUrls(string markdown)
    {
        var html = _renderer.ToSafeHtml(markdown);

        AssertSafe(html);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](java&#x09;script:alert(1))")]
    [InlineData("[x](%6Aavascript:alert(1))")]
    [InlineData("[x](  javascript:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x][1]\n\n[1]: javascript:alert(1)")]
    public void LinkWithForbiddenSchemeKeepsItsTextButNotTheLink(string markdown)
    {
        var body = Parse(_renderer.ToSafeHtml(markdown));

        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.Equal("x", body.TextContent.Trim());
    }

    [Fact]
    public void ImageWithForbiddenSchemeIsReplacedByItsAltText()
    {
        var body = Parse(_renderer.ToSafeHtml("![A *tram* photo](data:image/svg+xml;base64,PHN2Zz4=)"));

        Assert.Empty(body.QuerySelectorAll("img"));
        Assert.Equal("A tram photo", body.TextContent.Trim());
    }

    [Fact]
    public void AutolinkWithForbiddenSchemeIsShownAsText()
    {
        var body = Parse(_renderer.ToSafeHtml("<javascript:alert(1)>"));

        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.Equal("javascript:alert(1)", body.TextContent.Trim());
    }

    [Fact]
    public void GenericAttributeSyntaxIsJustText()
    {
        var body = Parse(_renderer.ToSafeHtml("# Heading {onclick=\"alert(1)\"}"));

        var heading = Assert.Single(body.QuerySelectorAll("h1"));
        Assert.Empty(heading.Attributes);
        Assert.Contains("{onclick=\"alert(1)\"}", heading.TextContent);
    }

    [Fact]
    public void RawHtmlIsShownAsText()
    {
        var html = _renderer.ToSafeHtml("Some <b>bold</b> and <script>alert(1)</script>.");

        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Equal("Some <b>bold</b> and <script>alert(1)</script>.", Parse(html).TextContent.Trim());
    }

    [Fact]
    public void RawHtmlBlockIsShownAsText()
    {
        var body = Parse(_renderer.ToSafeHtml("<div class=\"x\">\n<iframe src=\"https://evil.example\"></iframe>\n</div>"));

        Assert.Empty(body.QuerySelectorAll("iframe"));
        Assert.Contains("<iframe src=\"https://evil.example\"></iframe>", body.TextContent);
    }

    [Theory]
    [InlineData("# One", "<h1>One</h1>")]
    [InlineData("## Two", "<h2>Two</h2>")]
    [InlineData("###### Six", "<h6>Six</h6>")]
    [InlineData("Setext\n======", "<h1>Setext</h1>")]
    public void HeadingsRender(string markdown, string expected)
    {
        Assert.Equal(expected, _renderer.ToSafeHtml(markdown).Trim());
    }

    [Fact]
    public void ParagraphsAndEmphasisRender()
    {
        var html = _renderer.ToSafeHtml("Plain **strong** *em* ~~del~~ H~2~O x^2^ ++ins++ ==mark==\nnext line  \nhard break\n\nSecond.");

        Assert.Contains("<strong>strong</strong>", html);
        Assert.Contains("<em>em</em>", html);
        Assert.Contains("<del>del</del>", html);
        Assert.Contains("<sub>2</sub>", html);
        Assert.Contains("<sup>2</sup>", html);
        Assert.Contains("<ins>ins</ins>", html);
        Assert.Contains("<mark>mark</mark>", html);
        Assert.Contains("<br>", html);
        Assert.Equal(2, Parse(html).QuerySelectorAll("p").Length);
    }

    [Fact]
    public void ListsRender()
    {
        var body = Parse(_renderer.ToSafeHtml("- one\n- two\n  - nested\n\n3. three\n4. four"));

        Assert.Equal(3, body.QuerySelectorAll("ul li").Length);
        Assert.Equal("nested", body.QuerySelector("ul ul li")!.TextContent);
        var ordered = Assert.Single(body.QuerySelectorAll("ol"));
        Assert.Equal("3", ordered.GetAttribute("start"));
        Assert.Equal(2, ordered.QuerySelectorAll("li").Length);
    }

    [Fact]
    public void TaskListRendersDisabledCheckboxes()
    {
        var body = Parse(_renderer.ToSafeHtml("- [x] done\n- [ ] to do"));

        var boxes = body.QuerySelectorAll("input").Cast<IHtmlInputElement>().ToList();
        Assert.Equal(2, boxes.Count);
        Assert.All(boxes, box => Assert.Equal("checkbox", box.Type));
        Assert.All(boxes, box => Assert.True(box.IsDisabled));
        Assert.True(boxes[0].IsChecked);
        Assert.False(boxes[1].IsChecked);
    }

    [Fact]
    public void FencedCodeKeepsItsContentAndLanguage()
    {
        var html = _renderer.ToSafeHtml("```csharp\nif (a < b && c > d) { Run(\"x\"); }\n```");

        Assert.StartsWith("<pre><code class=\"language-csharp\">", html);
        Assert.Equal("if (a < b && c > d) { Run(\"x\"); }\n", Parse(html).QuerySelector("code")!.TextContent);
    }

    [Fact]
    public void CodeLanguageWithOddCharactersLosesTheClassNotTheCode()
    {
        var body = Parse(_renderer.ToSafeHtml("```js\"onclick=x\nalert(1)\n```"));

        var code = body.QuerySelector("pre > code")!;
        Assert.Null(code.GetAttribute("class"));
        Assert.Equal("alert(1)\n", code.TextContent);
    }

    [Fact]
    public void IndentedCodeAndInlineCodeRender()
    {
        var html = _renderer.ToSafeHtml("Use `<b>` here.\n\n    var x = 1;");

        Assert.Contains("<code>&lt;b&gt;</code>", html);
        Assert.Contains("<pre><code>var x = 1;\n</code></pre>", html);
    }

    [Theory]
    [InlineData("[x](http://example.org/a)", "http://example.org/a")]
    [InlineData("[x](https://example.org/a?b=1&c=2#d)", "https://example.org/a?b=1&c=2#d")]
    [InlineData("[x](HTTPS://EXAMPLE.ORG)", "HTTPS://EXAMPLE.ORG")]
    [InlineData("[x](mailto:desk@example.org)", "mailto:desk@example.org")]
    [InlineData("[x](/articles/tram-line-4)", "/articles/tram-line-4")]
    [InlineData("[x](tram-line-4)", "tram-line-4")]
    [InlineData("[x](../up)", "../up")]
    [InlineData("[x](#section)", "#section")]
    [InlineData("[x](?page=2)", "?page=2")]
    [InlineData("[x](/search?q=a:b)", "/search?q=a:b")]
    [InlineData("[x][r]\n\n[r]: https://example.org/ref", "https://example.org/ref")]
    [InlineData("<https://example.org/auto>", "https://example.org/auto")]
    [InlineData("<desk@example.org>", "mailto:desk@example.org")]
    [InlineData("Visit www.example.org today", "http://www.example.org")]
    [InlineData("Visit https://example.org/bare today", "https://example.org/bare")]
    public void AllowedLinksSurvive(string markdown, string expectedHref)
    {
        var link = Assert.Single(Parse(_renderer.ToSafeHtml(markdown)).QuerySelectorAll("a"));

        Assert.Equal(expectedHref, link.GetAttribute("href"));
    }

    [Fact]
    public void ExternalLinksGetNoopenerNofollowAndNoTarget()
    {
        var link = Parse(_renderer.ToSafeHtml("[x](https://example.org)")).QuerySelector("a")!;

        Assert.Equal("noopener nofollow", link.GetAttribute("rel"));
        Assert.Null(link.GetAttribute("target"));
    }

    [Theory]
    [InlineData("[x](/articles/a)")]
    [InlineData("[x](mailto:desk@example.org)")]
    [InlineData("[x](#top)")]
    public void SiteAndMailLinksGetNoRel(string markdown)
    {
        Assert.Null(Parse(_renderer.ToSafeHtml(markdown)).QuerySelector("a")!.GetAttribute("rel"));
    }

    [Fact]
    public void LinkTitleSurvives()
    {
        var link = Parse(_renderer.ToSafeHtml("[x](https://example.org \"The title\")")).QuerySelector("a")!;

        Assert.Equal("The title", link.GetAttribute("title"));
    }

    [Theory]
    [InlineData("![A tram](https://example.org/tram.jpg)", "https://example.org/tram.jpg")]
    [InlineData("![A tram](http://example.org/tram.jpg)", "http://example.org/tram.jpg")]
    [InlineData("![A tram](/media/tram.jpg)", "/media/tram.jpg")]
    [InlineData("![A tram](tram.jpg \"Title\")", "tram.jpg")]
    [InlineData("![A tram][t]\n\n[t]: /media/tram.jpg", "/media/tram.jpg")]
    public void AllowedImagesSurviveAndLoadLazily(string markdown, string expectedSrc)
    {
        var image = Assert.Single(Parse(_renderer.ToSafeHtml(markdown)).QuerySelectorAll("img"));

        Assert.Equal(expectedSrc, image.GetAttribute("src"));
        Assert.Equal("A tram", image.GetAttribute("alt"));
        Assert.Equal("lazy", image.GetAttribute("loading"));
    }

    [Fact]
    public void FigureWithCaptionRenders()
    {
        var body = Parse(_renderer.ToSafeHtml("^^^\n![A tram](tram.jpg)\n^^^ The tram at the harbour"));

        var figure = Assert.Single(body.QuerySelectorAll("figure"));
        Assert.NotNull(figure.QuerySelector("img"));
        Assert.Equal("The tram at the harbour", figure.QuerySelector("figcaption")!.TextContent);
    }

    [Fact]
    public void TablesRenderWithoutInlineStyles()
    {
        var body = Parse(_renderer.ToSafeHtml("| Stop | Minutes |\n|:---|---:|\n| Depot | 0 |\n| Harbour | 12 |"));

        var table = Assert.Single(body.QuerySelectorAll("table"));
        Assert.Equal(["Stop", "Minutes"], table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(4, table.QuerySelectorAll("tbody td").Length);
        Assert.DoesNotContain(table.QuerySelectorAll("*"), element => element.HasAttribute("style"));
    }

    [Fact]
    public void QuotesRender()
    {
        var body = Parse(_renderer.ToSafeHtml("> It is quieter\n>\n> > than the bus."));

        Assert.Equal("It is quieter", body.QuerySelector("blockquote > p")!.TextContent);
        Assert.Equal("than the bus.", body.QuerySelector("blockquote blockquote p")!.TextContent);
    }

    [Fact]
    public void ThematicBreakRenders()
    {
        Assert.Contains("<hr>", _renderer.ToSafeHtml("Above\n\n---\n\nBelow"));
    }

    [Fact]
    public void FootnotesRenderWithTheirLinks()
    {
        var body = Parse(_renderer.ToSafeHtml("Claim[^1].\n\n[^1]: The source."));

        var reference = body.QuerySelector("a.footnote-ref")!;
        Assert.Equal("#fn:1", reference.GetAttribute("href"));
        Assert.Equal("fnref:1", reference.Id);
        var note = body.QuerySelector("div.footnotes li")!;
        Assert.Equal("fn:1", note.Id);
        Assert.Contains("The source.", note.TextContent);
        Assert.Equal("#fnref:1", note.QuerySelector("a.footnote-back-ref")!.GetAttribute("href"));
    }

    [Fact]
    public void TextIsHtmlEncoded()
    {
        var html = _renderer.ToSafeHtml("Fish & chips < 5 € \"quoted\"");

        Assert.Equal("Fish &amp; chips &lt; 5 € \"quoted\"", Parse(html).QuerySelector("p")!.InnerHtml);
    }

    [Fact]
    public void EmptyBodyRendersNothing()
    {
        Assert.Equal("", _renderer.ToSafeHtml(""));
        Assert.Equal("", _renderer.ToSafeHtml("   \n\n  "));
    }

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
