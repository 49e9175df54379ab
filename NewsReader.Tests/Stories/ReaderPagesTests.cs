using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Stories;

public sealed class ReaderPagesTests : IDisposable
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

    [Fact]
    public async Task StoryPageShowsCategoryLineHeadlineReadTimeAndBody()
    {
        var body = "## What changed\n\nThe new line opens on **Monday**.\n\n- Stops: 12\n- Length: 9 km\n";
        await _site.AddStoryAsync("Tram line 4 opens to passengers", body, Day(3), ["World", "Asia"], ["trams"],
            author: "Ana Ferreira", summary: "The line opens.");

        var response = await _client.GetAsync("/articles/tram-line-4-opens-to-passengers");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Tram line 4 opens to passengers", page.Title);
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("Tram line 4 opens to passengers", page.QuerySelector("h1").Text());
        Assert.Equal("In World, Asia", page.QuerySelector(".story .category-line").Text());
        Assert.Equal(["/categories/world", "/categories/asia"],
            page.QuerySelectorAll(".story .category-line a").Select(a => a.GetAttribute("href")));
        var readTime = page.QuerySelector("time.read-time")!;
        // 6 title words + 13 body words (Markdown markers are not words) at 200 a minute = 5.7 s.
        Assert.Equal("PT6S", readTime.GetAttribute("datetime"));
        Assert.Equal("Read time: 6 seconds", readTime.Text());
        Assert.Equal("What changed", page.QuerySelector(".story-body h2").Text());
        Assert.Equal("Monday", page.QuerySelector(".story-body strong").Text());
        Assert.Equal("By Ana Ferreira", page.QuerySelector(".story .author").Text());
        Assert.Equal("/tags/trams", page.QuerySelector(".story-tags a")!.GetAttribute("href"));
        Assert.Equal("The line opens.", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task StoryWithoutCategoriesShowsNoEmptyCategoryLine()
    {
        await _site.AddStoryAsync("Uncategorised story");

        var page = await _client.GetDocumentAsync("/articles/uncategorised-story");

        Assert.Null(page.QuerySelector(".category-line"));
        Assert.DoesNotContain("In ,", page.Body!.TextContent);
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("scheduled")]
    [InlineData("unknown")]
    public async Task StoriesReadersMayNotSeeAnswerNotFound(string which)
    {
        await _site.AddStoryAsync("A draft", slug: "draft", draft: true);
        await _site.AddStoryAsync("A scheduled story", slug: "scheduled", publishedAt: DateTime.UtcNow.AddHours(2));

        var response = await _client.GetAsync($"/articles/{which}");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1").Text());
        Assert.DoesNotContain("A draft", page.Body!.TextContent);
    }

    [Fact]
    public async Task UnknownUrlsGetTheSitesNotFoundPage()
    {
        var response = await _client.GetAsync("/no/such/page");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1").Text());
        Assert.NotNull(page.QuerySelector("a.site-name"));
    }

    [Fact]
    public async Task AnOldSlugMovesPermanentlyToTheCurrentOne()
    {
        await _site.AddStoryAsync("Renamed story", slug: "new-name");
        var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        await using (db)
        {
            var id = await db.Stories.Where(a => a.Slug == "new-name").Select(a => a.Id).SingleAsync();
            db.SlugRedirects.Add(new SlugRedirect { OldSlug = "old-name", StoryId = id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var response = await _client.GetAsync("/articles/old-name");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/articles/new-name", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TitlesSummariesAuthorsAndCategoriesAreShownAsText()
    {
        await _site.AddStoryAsync("<script>alert(1)</script> Headline", slug: "markup", summary: "<b>bold</b> summary",
            author: "<img src=x onerror=alert(1)>", categories: ["<i>Category</i>"]);

        var home = await (await _client.GetAsync("/")).Content.ReadAsStringAsync();
        var story = await (await _client.GetAsync("/articles/markup")).Content.ReadAsStringAsync();

        foreach (var html in new[] { home, story })
        {
            Assert.DoesNotContain("<script>alert(1)", html);
            Assert.DoesNotContain("<b>bold</b>", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.DoesNotContain("<i>Category</i>", html);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Headline", html);
        }
    }

    [Fact]
    public async Task HostileMarkdownInABodyReachesTheReaderInert()
    {
        var body = """
            <script>alert('x')</script>

            [click](javascript:alert(1)) and ![pic](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)

            <img src=x onerror=alert(1)> <iframe src="https://example.org"></iframe>
            """;
        await _site.AddStoryAsync("Hostile body", body, slug: "hostile");

        var page = await _client.GetDocumentAsync("/articles/hostile");

        var storyBody = page.QuerySelector(".story-body")!;
        Assert.Empty(storyBody.QuerySelectorAll("script, iframe"));
        Assert.Empty(storyBody.QuerySelectorAll("[onerror]"));
        Assert.All(storyBody.QuerySelectorAll("[href], [src]"), element =>
        {
            var url = element.GetAttribute("href") ?? element.GetAttribute("src") ?? "";
            Assert.DoesNotMatch("^(javascript|data|vbscript):", url.ToLowerInvariant());
        });
        Assert.Contains("<script>alert('x')</script>", storyBody.TextContent);
    }

    [Fact]
    public async Task HealthCheckAnswersWhenTheDatabaseDoes()
    {
        var response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AppBarListsCategoriesWithMostStoriesFirst()
    {
        await _site.AddStoryAsync("One", categories: ["Culture"]);
        await _site.AddStoryAsync("Two", categories: ["City"]);
        await _site.AddStoryAsync("Three", categories: ["City", "Science"]);
        await _site.AddStoryAsync("Hidden", categories: ["Secret"], draft: true);

        var page = await _client.GetDocumentAsync("/");

        var names = page.QuerySelectorAll("nav.category-nav a").Select(a => a.Text()).ToList();
        Assert.Equal(["City", "Culture", "Science"], names);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/articles/plain-story")]
    [InlineData("/no-such-page")]
    public async Task ReaderPagesSetNoCookieAndForbidNoCaching(string url)
    {
        await _site.AddStoryAsync("Plain story", slug: "plain-story");

        var response = await _client.GetAsync(url);

        Assert.False(response.Headers.Contains("Set-Cookie"), "a plain page view must not set a cookie");
        Assert.DoesNotContain("no-store", response.Headers.CacheControl?.ToString() ?? "");
    }

    [Fact]
    public async Task EveryResponseCarriesTheSecurityHeaders()
    {
        var response = await _client.GetAsync("/");

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task HeadRequestsAnswerLikeGetsForPagesThatExist()
    {
        await _site.AddStoryAsync("Checked story", slug: "checked");

        var story = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/articles/checked"));
        var missing = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/articles/missing"));

        Assert.Equal(HttpStatusCode.OK, story.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
