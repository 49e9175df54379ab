using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Stories;

public sealed partial class ReaderPagesTests
{
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
}
