using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Data;

public sealed class HostileFirstStartTests
{
    [Fact]
    public async Task FirstStartImportsTheGoodStoriesNextToDeeplyNestedOnes()
    {
        using var site = new NewsSiteFactory();
        foreach (var (file, body) in HostileMarkdown.DeepBodies)
        {
            File.WriteAllText(Path.Combine(site.ContentDirectory, file), HostileMarkdown.StoryWithBody(Path.GetFileNameWithoutExtension(file), body));
        }
        File.WriteAllText(Path.Combine(site.ContentDirectory, "good.md"), HostileMarkdown.StoryWithBody("Good story", "A good body."));

        var page = await site.CreateClient().GetStringAsync("/articles/good-story");

        Assert.Contains("A good body.", page);
        await using var db = await site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        Assert.Equal(HostileMarkdown.DeepBodies.Length + 1, await db.Stories.CountAsync());
    }
}
