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
        // Only the id the renderer gives every heading, made from its text.
        Assert.Equal(["id"], heading.Attributes.Select(a => a.Name));
        Assert.Equal("section-heading-onclick-alert-1", heading.Id);
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
}
