using NewsReader.Search;

namespace NewsReader.Tests.Search;

public sealed class SearchHighlightTests
{
    private const char S = HighlightedText.MatchStart;
    private const char E = HighlightedText.MatchEnd;

    [Fact]
    public void SentinelsSplitTextIntoPlainAndMatchedSegments()
    {
        var text = HighlightedText.Parse($"The {S}trams{E} are back on {S}Monday{E}.");

        Assert.Equal(
            [new("The ", false), new("trams", true), new(" are back on ", false), new("Monday", true), new(".", false)],
            text.Segments);
        Assert.True(text.HasMatch);
        Assert.Equal("The trams are back on Monday.", text.PlainText);
    }

    [Fact]
    public void MarkupInTheTextStaysTextInItsSegment()
    {
        var text = HighlightedText.Parse($"<script>alert(1)</script> {S}<b>tram</b>{E}");

        Assert.Equal("<script>alert(1)</script> ", text.Segments[0].Text);
        Assert.Equal(new TextSegment("<b>tram</b>", true), text.Segments[1]);
    }

    [Theory]
    [InlineData("a\u0003b", "ab", 0)]
    [InlineData("a\u0002b", "ab", 1)]
    [InlineData("\u0002\u0002a\u0003\u0003b", "ab", 1)]
    [InlineData("\u0003\u0003", "", 0)]
    public void StraySentinelsNeverLeaveAMatchOpenOrUnbalanced(string marked, string plain, int matches)
    {
        var text = HighlightedText.Parse(marked);

        Assert.Equal(plain, text.PlainText);
        Assert.Equal(matches, text.Segments.Count(s => s.IsMatch));
        Assert.DoesNotContain(text.Segments, s => s.Text.Contains(S) || s.Text.Contains(E));
    }

    [Theory]
    [InlineData("The **trams** are _back_.", "The trams are back.")]
    [InlineData("See [the map](https://example.org/map \"Map\") and ![a tram](/t.png) now", "See the map and a tram now")]
    [InlineData("## What changed\n\n> Quote here\n- one\n- two", "What changed Quote here one two")]
    [InlineData("Use `snake_case` names", "Use snake_case names")]
    public void MarkdownSnippetsLoseTheirMarkup(string snippet, string expected)
    {
        Assert.Equal(expected, HighlightedText.ParseMarkdownSnippet(snippet).PlainText);
    }

    [Fact]
    public void MarkdownAroundAMatchGoesWhileTheMatchStays()
    {
        var text = HighlightedText.ParseMarkdownSnippet($"The **{S}trams{E}** are [{S}back{E}](https://x.org)");

        Assert.Equal([new("The ", false), new("trams", true), new(" are ", false), new("back", true)], text.Segments);
    }
}
