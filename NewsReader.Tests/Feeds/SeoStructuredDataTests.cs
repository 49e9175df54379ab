using System.Text.Json;
using NewsReader.Stories;
using NewsReader.Feeds;

namespace NewsReader.Tests.Feeds;

public sealed class SeoStructuredDataTests
{
    private static readonly Uri Url = new("https://news.example/articles/tram-line-4-opens");

    private static StoryView Story(string title = "Tram line 4 opens", string author = "Ana Ferreira",
        IReadOnlyList<TermLink>? categories = null) =>
        new(1, title, "tram-line-4-opens", "The line opens.", author, "<p>Body</p>",
            new DateTime(2026, 6, 20, 9, 30, 0, DateTimeKind.Utc), new DateTime(2026, 6, 21, 8, 0, 0, DateTimeKind.Utc),
            "/images/tram.jpg", new ReadTime(261),
            categories ?? [new TermLink("City", "city"), new TermLink("Transport", "transport")],
            [new TermLink("trams", "trams")]);

    [Fact]
    public void NewsArticleCarriesHeadlineDatesAuthorImageSectionAndReadTime()
    {
        var json = StoryStructuredData.ToJson(Story(), Url, new Uri("https://news.example/images/tram.jpg"));

        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("NewsArticle", root.GetProperty("@type").GetString());
        Assert.Equal("Tram line 4 opens", root.GetProperty("headline").GetString());
        Assert.Equal("2026-06-20T09:30:00Z", root.GetProperty("datePublished").GetString());
        // A save readers were not told about (UpdatedAt) is no modification to them.
        Assert.Equal("2026-06-20T09:30:00Z", root.GetProperty("dateModified").GetString());
        Assert.Equal("Person", root.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal("Ana Ferreira", root.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("https://news.example/images/tram.jpg", root.GetProperty("image")[0].GetString());
        Assert.Equal("City", root.GetProperty("articleSection").GetString());
        Assert.Equal("PT4M21S", root.GetProperty("timeRequired").GetString());
        Assert.Equal(Url.AbsoluteUri, root.GetProperty("mainEntityOfPage").GetString());
    }

    [Fact]
    public void AnUpdateReadersWereToldAboutIsTheModificationDateAndACorrectionIsDescribed()
    {
        var story = Story() with
        {
            NotifiedUpdateAt = new DateTime(2026, 6, 22, 16, 5, 0, DateTimeKind.Utc),
            CorrectionHtml = "<p>An earlier version gave the <strong>wrong</strong> date.</p>\n<p>It opens on Monday.</p>",
        };

        var root = JsonDocument.Parse(StoryStructuredData.ToJson(story, Url, image: null)).RootElement;

        Assert.Equal("2026-06-22T16:05:00Z", root.GetProperty("dateModified").GetString());
        var correction = root.GetProperty("correction");
        Assert.Equal("CorrectionComment", correction.GetProperty("@type").GetString());
        Assert.Equal("An earlier version gave the wrong date. It opens on Monday.", correction.GetProperty("text").GetString());
        Assert.Equal("2026-06-22T16:05:00Z", correction.GetProperty("datePublished").GetString());
    }

    [Fact]
    public void AStoryWithoutAuthorImageOrCategoriesLeavesThoseOut()
    {
        var json = StoryStructuredData.ToJson(Story(author: "", categories: []), Url, image: null);

        var root = JsonDocument.Parse(json).RootElement;
        Assert.False(root.TryGetProperty("author", out _));
        Assert.False(root.TryGetProperty("image", out _));
        Assert.False(root.TryGetProperty("articleSection", out _));
    }

    [Fact]
    public void AHeadlineCannotCloseTheScriptElement()
    {
        var title = "</script><script>alert(1)</script> & <!-- \"quoted\"";

        var json = StoryStructuredData.ToJson(Story(title), Url, image: null);

        Assert.DoesNotContain("<", json);
        Assert.DoesNotContain(">", json);
        Assert.DoesNotContain("&", json);
        Assert.Equal(title, JsonDocument.Parse(json).RootElement.GetProperty("headline").GetString());
    }
}
