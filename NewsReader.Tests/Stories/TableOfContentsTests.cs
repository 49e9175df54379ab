using NewsReader.Stories;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Stories;

/// <summary>Heading ids and the table of contents of long stories.</summary>
public sealed class TableOfContentsTests
{
    private readonly MarkdownRenderer _renderer = new();

    private const string LongStory = """
        The council approved the harbour plan on Tuesday.

        ## Why now

        Text.

        ## What changes for ferries

        Text.

        ### Night ferries

        Text.

        ## Background

        Text.

        ## Background

        The same heading twice.
        """;

    [Fact]
    public void HeadingIdsComeFromTheirTextAndStayUnique()
    {
        var html = Html.Parse(_renderer.ToSafeHtml(LongStory));

        Assert.Equal(
            ["section-why-now", "section-what-changes-for-ferries", "section-night-ferries", "section-background", "section-background-2"],
            html.QuerySelectorAll("h2, h3").Select(h => h.Id));
        var anchor = html.QuerySelector("h3 > a.heading-anchor")!;
        Assert.Equal("#section-night-ferries", anchor.GetAttribute("href"));
        Assert.Equal("Night ferries", anchor.TextContent);
    }

    [Fact]
    public void HeadingTextWithMarkupOrCodeStillMakesAPlainId()
    {
        var html = Html.Parse(_renderer.ToSafeHtml("## The `<script>` **tag** & you\n\n## !!!"));

        Assert.Equal(["section-the-script-tag-you", "section-heading"], html.QuerySelectorAll("h2").Select(h => h.Id));
        Assert.Null(html.QuerySelector("script"));
    }

    [Fact]
    public void AHeadingThatHoldsALinkKeepsItAndGetsNoSecondOne()
    {
        var html = Html.Parse(_renderer.ToSafeHtml("## See [the plan](https://example.org/plan)"));

        var heading = html.QuerySelector("h2")!;
        Assert.Equal("section-see-the-plan", heading.Id);
        Assert.Equal(["https://example.org/plan"], heading.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void OnlyHeadingsKeepTheirIds()
    {
        // Footnotes keep Markdig's ids; nothing a writer types can give another element an id.
        var html = Html.Parse(_renderer.ToSafeHtml("Text[^1] {#section-x}\n\n[^1]: Note.\n\n<p id=\"section-evil\">raw</p>"));

        Assert.Empty(html.QuerySelectorAll("[id^='section-']"));
    }

    [Fact]
    public void AStoryWithFourSubHeadingsGetsATableOfContentsAfterItsLead()
    {
        var body = _renderer.ToSafeHtml(LongStory);

        var entries = TableOfContents.From(body);

        Assert.Equal(
            [(2, "Why now"), (2, "What changes for ferries"), (3, "Night ferries"), (2, "Background"), (2, "Background")],
            entries.Select(e => (e.Level, e.Text)));
        Assert.Equal("section-background-2", entries[^1].Id);
        Assert.Equal("<p>The council approved the harbour plan on Tuesday.</p>", body[..TableOfContents.InsertionPoint(body)]);
    }

    [Fact]
    public void AShortStoryHasNoTableOfContents()
    {
        Assert.Empty(TableOfContents.From(_renderer.ToSafeHtml("Lead.\n\n## One\n\n## Two\n\n## Three")));
    }

    [Fact]
    public void AStoryThatOpensWithAHeadingGetsItsTableAtTheTop()
    {
        Assert.Equal(0, TableOfContents.InsertionPoint(_renderer.ToSafeHtml("## One\n\nText.")));
    }
}
