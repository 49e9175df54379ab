using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Data;

public sealed class SampleStoriesOnceTests
{
    [Fact]
    public async Task SampleStoriesAreNotImportedAgainAfterEditorsDeleteEveryStory()
    {
        using var first = new NewsSiteFactory();
        File.WriteAllText(Path.Combine(first.ContentDirectory, "sample.md"), "---\ntitle: Sample\npublished: 2026-01-01T09:00:00Z\n---\nBody.\n");
        await first.CreateClient().GetAsync("/healthz");
        await using (var db = await first.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(1, await db.Stories.CountAsync());
            await db.Stories.ExecuteDeleteAsync();
        }

        using var restarted = new NewsSiteFactory();
        restarted.Settings["ConnectionStrings:News"] = $"Data Source={first.DatabasePath}";
        restarted.Settings["NewsReader:ContentDirectory"] = first.ContentDirectory;
        await restarted.CreateClient().GetAsync("/healthz");

        await using var after = await restarted.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await after.Stories.CountAsync());
    }
}
