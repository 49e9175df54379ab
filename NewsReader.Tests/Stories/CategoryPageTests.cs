using System.Net;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Stories;

public abstract class CategoryPageTests : IDisposable
{
    private readonly NewsSiteFactory _site;
    private readonly HttpClient _client;

    private readonly DatabaseProvider _provider;

    protected CategoryPageTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new();
        _client = _site.CreateClient(new() { AllowAutoRedirect = false });
    }

    public void Dispose() => _site.Dispose();

    private static DateTime Day(int day) => new(2026, 10, day, 9, 0, 0, DateTimeKind.Utc);

    [ProviderFact]
    public async Task ACategoryPageListsItsPublishedStoriesNewestFirstUnderItsName()
    {
        await _site.AddStoryAsync("Older city story", publishedAt: Day(1), categories: ["City"]);
        await _site.AddStoryAsync("Newer city story", publishedAt: Day(5), categories: ["Transport", "City"]);
        await _site.AddStoryAsync("Culture story", publishedAt: Day(3), categories: ["Culture"]);
        await _site.AddStoryAsync("Draft city story", categories: ["City"], draft: true);

        var response = await _client.GetAsync("/categories/city");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("City — NewsReader", page.Title);
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("City", page.QuerySelector("h1").Text());
        Assert.Equal(["Newer city story", "Older city story"],
            page.QuerySelectorAll("article.article-card h2").Select(h => h.Text()));
        Assert.Equal("In Transport, City", page.QuerySelector("article.article-card .category-line").Text());
    }

    [ProviderFact]
    public async Task ACategoryPageHasADescriptionAndItsOwnCanonicalAddress()
    {
        await _site.AddStoryAsync("City story", categories: ["City"]);

        var page = await _client.GetDocumentAsync("/categories/city");

        Assert.Equal("http://localhost/categories/city", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("The latest City stories on NewsReader.", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }

    [ProviderFact]
    public async Task CategoryPagesComeTwentyStoriesAPage()
    {
        for (var i = 1; i <= 23; i++)
        {
            await _site.AddStoryAsync($"City story {i}", publishedAt: Day(1).AddHours(i), categories: ["City"]);
        }

        var first = await _client.GetDocumentAsync("/categories/city");
        var second = await _client.GetDocumentAsync("/categories/city?page=2");
        var third = await _client.GetAsync("/categories/city?page=3");

        Assert.Equal(20, first.QuerySelectorAll("article.article-card").Length);
        Assert.Equal("/categories/city?page=2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(3, second.QuerySelectorAll("article.article-card").Length);
        Assert.Equal("City, page 2", second.QuerySelector("h1").Text());
        Assert.Equal("/categories/city", second.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("http://localhost/categories/city?page=2", second.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, third.StatusCode);
    }

    [ProviderTheory]
    [InlineData("/categories/no-such-category")]
    [InlineData("/categories/secret")]
    [InlineData("/categories/city?page=99999999999")]
    public async Task UnknownCategoriesAndCategoriesWithOnlyDraftsAnswerNotFound(string url)
    {
        await _site.AddStoryAsync("City story", categories: ["City"]);
        await _site.AddStoryAsync("Secret story", categories: ["Secret"], draft: true);

        var response = await _client.GetAsync(url);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1").Text());
        Assert.DoesNotContain("Secret", page.Body!.TextContent);
    }

    [ProviderTheory]
    [InlineData("/categories/city?page=abc")]
    [InlineData("/categories/city?page=-1")]
    public async Task MalformedPageNumbersShowTheFirstPage(string url)
    {
        await _site.AddStoryAsync("City story", categories: ["City"]);

        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [ProviderFact]
    public async Task CategoryPagesSetNoCookie()
    {
        await _site.AddStoryAsync("City story", categories: ["City"]);

        var response = await _client.GetAsync("/categories/city");

        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("no-store", response.Headers.CacheControl?.ToString() ?? "");
    }
}

public sealed class CategoryPageTestsOnSqlite() : CategoryPageTests(DatabaseProvider.Sqlite);

public sealed class CategoryPageTestsOnPostgres() : CategoryPageTests(DatabaseProvider.Postgres);
