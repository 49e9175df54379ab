using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Tests.Cli;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Http;

public sealed class HostileFirstStartTests
{
    [Fact]
    public async Task FirstStartImportsTheGoodStoriesNextToDeeplyNestedOnes()
    {
        using var site = new NewsSiteFactory();
        foreach (var (file, body) in HostileImportTests.DeepBodies)
        {
            File.WriteAllText(Path.Combine(site.ContentDirectory, file), HostileImportTests.StoryWithBody(Path.GetFileNameWithoutExtension(file), body));
        }
        File.WriteAllText(Path.Combine(site.ContentDirectory, "good.md"), HostileImportTests.StoryWithBody("Good story", "A good body."));

        var page = await site.CreateClient().GetStringAsync("/articles/good-story");

        Assert.Contains("A good body.", page);
        await using var db = await site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        Assert.Equal(HostileImportTests.DeepBodies.Length + 1, await db.Stories.CountAsync());
    }
}
