using System.Net;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Stories;

public abstract class TagPageTests : IDisposable
{
    private readonly NewsSiteFactory _site;
    private readonly HttpClient _client;

    private readonly DatabaseProvider _provider;

    protected TagPageTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new();
        _client = _site.CreateClient(new() { AllowAutoRedirect = false });
    }

    public void Dispose() => _site.Dispose();

    private static DateTime Day(int day) => new(2026, 10, day, 9, 0, 0, DateTimeKind.Utc);

    [ProviderFact]
    public async Task ATagPageListsThePublishedStoriesWithTheTag()
    {
        await _site.AddStoryAsync("Tram opens", publishedAt: Day(2), tags: ["trams", "infrastructure"]);
        await _site.AddStoryAsync("Tram costs", publishedAt: Day(4), tags: ["Trams"]);
        await _site.AddStoryAsync("Bridge works", publishedAt: Day(3), tags: ["bridges"]);
        await _site.AddStoryAsync("Tram draft", tags: ["trams"], draft: true);

        var response = await _client.GetAsync("/tags/trams");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("trams", page.QuerySelector("h1").Text());
        Assert.Equal("Tag", page.QuerySelector(".page-kicker").Text());
        Assert.Equal(["Tram costs", "Tram opens"], page.QuerySelectorAll("article.article-card h2").Select(h => h.Text()));
        Assert.Equal("http://localhost/tags/trams", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [ProviderFact]
    public async Task TheStoryPageLinksToItsTagPages()
    {
        await _site.AddStoryAsync("Tram opens", slug: "tram-opens", tags: ["trams"]);

        var story = await _client.GetDocumentAsync("/articles/tram-opens");
        var href = story.QuerySelector(".story-tags a")!.GetAttribute("href")!;
        var tagPage = await _client.GetAsync(href);

        Assert.Equal("/tags/trams", href);
        Assert.Equal(HttpStatusCode.OK, tagPage.StatusCode);
    }

    [ProviderTheory]
    [InlineData("/tags/no-such-tag")]
    [InlineData("/tags/hidden")]
    [InlineData("/tags/trams?page=2")]
    public async Task UnknownTagsDraftOnlyTagsAndPagesPastTheEndAnswerNotFound(string url)
    {
        await _site.AddStoryAsync("Tram opens", tags: ["trams"]);
        await _site.AddStoryAsync("Hidden draft", tags: ["hidden"], draft: true);

        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class TagPageTestsOnSqlite() : TagPageTests(DatabaseProvider.Sqlite);

public sealed class TagPageTestsOnPostgres() : TagPageTests(DatabaseProvider.Postgres);
