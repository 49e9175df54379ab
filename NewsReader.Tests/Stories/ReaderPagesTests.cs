using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Stories;

public sealed partial class ReaderPagesTests : IDisposable
{
    private readonly NewsSiteFactory _site = new();
    private readonly HttpClient _client;

    public ReaderPagesTests()
    {
        _client = _site.CreateClient(new() { AllowAutoRedirect = false });
    }

    public void Dispose() => _site.Dispose();

    private static DateTime Day(int day) => new(2026, 10, day, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task HomeListsPublishedStoriesNewestFirstWithTheirDetails()
    {
        await _site.AddStoryAsync("Older story", publishedAt: Day(1), categories: ["City"]);
        await _site.AddStoryAsync("Newer story", publishedAt: Day(5), categories: ["Transport", "City"],
            summary: "Trams are back.", author: "Ana Ferreira");

        var response = await _client.GetAsync("/");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = page.QuerySelectorAll("article.article-card");
        Assert.Equal(["Newer story", "Older story"], cards.Select(c => c.QuerySelector("h2").Text()));
        var newest = cards[0];
        Assert.Equal("/articles/newer-story", newest.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("Trams are back.", newest.QuerySelector(".card-summary").Text());
        Assert.Equal("In Transport, City", newest.QuerySelector(".category-line").Text());
        Assert.Equal("/categories/transport", newest.QuerySelectorAll(".category-line a")[0].GetAttribute("href"));
        Assert.Equal("Ana Ferreira", newest.QuerySelector(".author").Text());
        Assert.Equal("5 October 2026", newest.QuerySelector("time.published").Text());
        Assert.Equal("1 min read", newest.QuerySelector(".read-time-short").Text());
    }

    [Fact]
    public async Task HomeLeavesOutDraftsAndScheduledStories()
    {
        await _site.AddStoryAsync("Published story", publishedAt: Day(1));
        await _site.AddStoryAsync("Draft story", draft: true);
        await _site.AddStoryAsync("Scheduled story", publishedAt: DateTime.UtcNow.AddDays(3));

        var page = await _client.GetDocumentAsync("/");

        var titles = page.QuerySelectorAll("article.article-card h2").Select(h => h.Text()).ToList();
        Assert.Equal(["Published story"], titles);
    }

    [Fact]
    public async Task HomeShowsTwentyStoriesAPageWithLinksBetweenPages()
    {
        for (var i = 1; i <= 25; i++)
        {
            await _site.AddStoryAsync($"Story number {i}", publishedAt: Day(1).AddHours(i));
        }

        var first = await _client.GetDocumentAsync("/");
        var second = await _client.GetDocumentAsync("/?page=2");

        Assert.Equal(20, first.QuerySelectorAll("article.article-card").Length);
        Assert.Equal("Story number 25", first.QuerySelector("article.article-card h2").Text());
        Assert.Equal("/?page=2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal(5, second.QuerySelectorAll("article.article-card").Length);
        Assert.Equal("Story number 5", second.QuerySelector("article.article-card h2").Text());
        Assert.Equal("/", second.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(second.QuerySelector("a[rel=next]"));
    }

    [Theory]
    [InlineData("/?page=abc")]
    [InlineData("/?page=-1")]
    [InlineData("/?page=0")]
    [InlineData("/?page=1.5")]
    [InlineData("/?page=")]
    public async Task MalformedPageNumbersShowTheFirstPage(string url)
    {
        await _site.AddStoryAsync("Only story");

        var response = await _client.GetAsync(url);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Only story", page.QuerySelector("article.article-card h2").Text());
    }

    [Theory]
    [InlineData("/?page=2")]
    [InlineData("/?page=99999")]
    [InlineData("/?page=99999999")]
    [InlineData("/?page=99999999999999999999")]
    public async Task PagesPastTheLastAnswerNotFoundWithAReadablePage(string url)
    {
        await _site.AddStoryAsync("Only story");

        var response = await _client.GetAsync(url);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1").Text());
    }
}
