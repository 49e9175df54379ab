using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Demo;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Stories;

/// <summary>
/// The list pages read their counts and page ids from indexes (issue 6, archive size): these pin
/// down what readers see at the edges of that paging — exact pages, the last page, past the end,
/// ties in publish time, drafts and scheduled stories left out of both the list and the count.
/// </summary>
public abstract class ArchivePagingTests : IDisposable
{
    private readonly NewsSiteFactory _site;
    private readonly HttpClient _client;

    private readonly DatabaseProvider _provider;

    protected ArchivePagingTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new();
        _client = _site.CreateClient(new() { AllowAutoRedirect = false });
    }

    public void Dispose() => _site.Dispose();

    private static readonly DateTime Start = new(2026, 9, 1, 9, 0, 0, DateTimeKind.Utc);

    private static List<string> Titles(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("article.article-card h2").Select(h => h.Text()).ToList();

    private static IEnumerable<string> Numbered(int from, int down) =>
        Enumerable.Range(0, down).Select(i => $"Story {from - i}");

    [ProviderFact]
    public async Task EachHomePageShowsItsOwnTwentyStoriesAndTheLastPageTheRest()
    {
        for (var i = 1; i <= 45; i++)
        {
            await _site.AddStoryAsync($"Story {i}", publishedAt: Start.AddHours(i));
        }
        await _site.AddStoryAsync("Draft", draft: true);
        await _site.AddStoryAsync("Scheduled", publishedAt: DateTime.UtcNow.AddDays(2));

        var first = await _client.GetDocumentAsync("/");
        var second = await _client.GetDocumentAsync("/?page=2");
        var third = await _client.GetDocumentAsync("/?page=3");
        var past = await _client.GetAsync("/?page=4");

        Assert.Equal(Numbered(45, 20), Titles(first));
        Assert.Equal(Numbered(25, 20), Titles(second));
        Assert.Equal(Numbered(5, 5), Titles(third));
        Assert.Equal("Page 3 of 3", third.QuerySelector(".page-position").Text());
        Assert.Null(third.QuerySelector("a[rel=next]"));
        Assert.Equal("/?page=2", third.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
    }

    [ProviderFact]
    public async Task AFullLastPageIsTheLastAndTheNextOneIsNotFound()
    {
        for (var i = 1; i <= 40; i++)
        {
            await _site.AddStoryAsync($"Story {i}", publishedAt: Start.AddHours(i));
        }

        var second = await _client.GetDocumentAsync("/?page=2");
        var past = await _client.GetAsync("/?page=3");

        Assert.Equal(Numbered(20, 20), Titles(second));
        Assert.Equal("Page 2 of 2", second.QuerySelector(".page-position").Text());
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
    }

    [ProviderFact]
    public async Task StoriesPublishedAtTheSameMomentKeepOneOrderAcrossAPageBreak()
    {
        var ids = new List<int>();
        for (var i = 1; i <= 22; i++)
        {
            ids.Add(await _site.AddStoryAsync($"Story {i}", publishedAt: Start));
        }

        var first = Titles(await _client.GetDocumentAsync("/"));
        var second = Titles(await _client.GetDocumentAsync("/?page=2"));

        // Ties are broken by id, newest id first, so every story appears exactly once.
        Assert.Equal(Numbered(22, 20), first);
        Assert.Equal(Numbered(2, 2), second);
    }

    [ProviderFact]
    public async Task ACategoryPageCountsAndPagesOnlyItsPublishedStories()
    {
        for (var i = 1; i <= 23; i++)
        {
            await _site.AddStoryAsync($"Story {i}", publishedAt: Start.AddHours(i), categories: i % 2 == 0 ? ["City"] : ["Harbour", "City"]);
        }
        await _site.AddStoryAsync("Elsewhere", publishedAt: Start.AddDays(30), categories: ["Culture"]);
        await _site.AddStoryAsync("City draft", categories: ["City"], draft: true);
        await _site.AddStoryAsync("City later", publishedAt: DateTime.UtcNow.AddDays(2), categories: ["City"]);

        var first = await _client.GetDocumentAsync("/categories/city");
        var second = await _client.GetDocumentAsync("/categories/city?page=2");
        var past = await _client.GetAsync("/categories/city?page=3");
        var harbour = await _client.GetDocumentAsync("/categories/harbour");

        Assert.Equal(Numbered(23, 20), Titles(first));
        Assert.Equal("Page 1 of 2", first.QuerySelector(".page-position").Text());
        Assert.Equal(Numbered(3, 3), Titles(second));
        Assert.Equal("/categories/city", second.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"Story {23 - 2 * i}"), Titles(harbour));
        Assert.Null(harbour.QuerySelector(".page-position"));
    }

    [ProviderFact]
    public async Task ACategoryWithOnlyUnpublishedStoriesIsNotFound()
    {
        await _site.AddStoryAsync("Out", publishedAt: Start, categories: ["City"]);
        await _site.AddStoryAsync("Draft", categories: ["Hidden"], draft: true);
        await _site.AddStoryAsync("Later", publishedAt: DateTime.UtcNow.AddDays(2), categories: ["Hidden"]);

        var response = await _client.GetAsync("/categories/hidden");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [ProviderFact]
    public async Task ATagPageCountsAndPagesOnlyItsPublishedStories()
    {
        for (var i = 1; i <= 21; i++)
        {
            await _site.AddStoryAsync($"Story {i}", publishedAt: Start.AddHours(i), tags: ["trams"]);
        }
        await _site.AddStoryAsync("Tram draft", tags: ["trams"], draft: true);

        var first = await _client.GetDocumentAsync("/tags/trams");
        var second = await _client.GetDocumentAsync("/tags/trams?page=2");
        var past = await _client.GetAsync("/tags/trams?page=3");

        Assert.Equal(Numbered(21, 20), Titles(first));
        Assert.Equal(["Story 1"], Titles(second));
        Assert.Equal("Page 2 of 2", second.QuerySelector(".page-position").Text());
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
    }

    [ProviderFact]
    public async Task TheAppBarFollowsAStoryPublishedIntoANewCategory()
    {
        await _site.AddStoryAsync("First", publishedAt: Start, categories: ["City"]);
        var before = await _client.GetDocumentAsync("/");

        await _site.AddStoryAsync("Second", publishedAt: Start.AddHours(1), categories: ["Gardens"]);
        await _site.AddStoryAsync("Third", publishedAt: Start.AddHours(2), categories: ["Gardens"]);
        var after = await _client.GetDocumentAsync("/");

        Assert.Equal(["City"], before.QuerySelectorAll("nav.category-nav a").Select(a => a.Text()));
        Assert.Equal(["Gardens", "City"], after.QuerySelectorAll("nav.category-nav a").Select(a => a.Text()));
    }

    [ProviderFact]
    public async Task SeededDemoStoriesAreCompleteReadableAndRelated()
    {
        var (added, _) = await _site.GetService<DemoSeeder>().SeedAsync(120, seed: 7, CancellationToken.None);

        await using var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        var stories = await db.Stories.AsNoTracking()
            .Select(a => new { a.Slug, a.BodyHtml, a.WordCount, a.PublishedAt, Categories = a.Categories.Count, Tags = a.Tags.Count })
            .ToListAsync();
        var home = await _client.GetDocumentAsync("/");
        var newest = home.QuerySelector("article.article-card h2 a")!.GetAttribute("href")!;
        var story = await _client.GetDocumentAsync(newest);
        var lastPage = await _client.GetDocumentAsync("/?page=6");

        Assert.Equal(120, added);
        Assert.Equal(120, stories.Select(s => s.Slug).Distinct().Count());
        Assert.All(stories, s =>
        {
            Assert.Contains("<p>", s.BodyHtml);
            Assert.True(s.WordCount > 50);
            Assert.NotNull(s.PublishedAt);
            Assert.InRange(s.Categories, 1, 2);
            Assert.InRange(s.Tags, 1, 3);
        });
        Assert.Equal(20, Titles(lastPage).Count);
        Assert.Equal("Page 6 of 6", lastPage.QuerySelector(".page-position").Text());
        Assert.NotEmpty(story.QuerySelectorAll(".related-stories a"));
    }
}

public sealed class ArchivePagingTestsOnSqlite() : ArchivePagingTests(DatabaseProvider.Sqlite);

public sealed class ArchivePagingTestsOnPostgres() : ArchivePagingTests(DatabaseProvider.Postgres);
