using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Data;

public sealed class SiteStartupTests
{
    [Fact]
    public async Task FirstStartImportsTheSampleStoriesAndShowsOnlyPublishedOnes()
    {
        using var site = new NewsSiteFactory();
        site.Settings["NewsReader:ContentDirectory"] = Path.Combine(AppProcess.RepositoryRoot, "data", "articles");
        var client = site.CreateClient();

        var page = await client.GetDocumentAsync("/");

        await using var db = await site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        var stories = await db.Stories.CountAsync();
        var published = await db.Stories.CountAsync(a => a.PublishedAt != null && a.PublishedAt <= DateTime.UtcNow);
        Assert.True(stories >= 12, $"expected at least 12 sample stories, found {stories}");
        Assert.True(stories > published, "the samples include a draft");
        Assert.Equal(Math.Min(published, 20), page.QuerySelectorAll("article.article-card").Length);
        Assert.True(await db.Categories.CountAsync() >= 4);
    }

    [Fact]
    public async Task ProductionErrorsShowAPlainPageWithoutDetails()
    {
        using var site = new NewsSiteFactory { Environment = "Production" };
        var client = site.CreateClient();
        await client.GetAsync("/healthz");
        await using (var db = await site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE ArticleCategories; DROP TABLE Articles;");
        }

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", html);
        Assert.DoesNotContain("SqliteException", html);
        Assert.DoesNotContain("   at ", html);
    }
}
