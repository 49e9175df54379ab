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
    [Theory]
    [InlineData("# One", "<h1 id=\"section-one\"><a class=\"heading-anchor\" href=\"#section-one\">One</a></h1>")]
    [InlineData("## Two", "<h2 id=\"section-two\"><a class=\"heading-anchor\" href=\"#section-two\">Two</a></h2>")]
    [InlineData("###### Six", "<h6 id=\"section-six\"><a class=\"heading-anchor\" href=\"#section-six\">Six</a></h6>")]
    [InlineData("Setext\n======", "<h1 id=\"section-setext\"><a class=\"heading-anchor\" href=\"#section-setext\">Setext</a></h1>")]
    public void HeadingsRenderWithAStableIdAndAnAnchorLink(string markdown, string expected)
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
}
