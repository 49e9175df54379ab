using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Related;
using NewsReader.Stories;

namespace NewsReader.Tests.Support;

/// <summary>A story's related stories as its page reads them, and how well lists keep to a subject.</summary>
public static class RelatedLists
{
    /// <summary>The related stories the page of story <paramref name="storyId"/> shows (it must be published).</summary>
    public static async Task<IReadOnlyList<StoryLink>> OfAsync(NewsSiteFactory site, int storyId)
    {
        string slug;
        await using (var db = await site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync())
        {
            slug = await db.Stories.Where(s => s.Id == storyId).Select(s => s.Slug).SingleAsync();
        }
        var page = await site.GetService<StoryPageReads>().ReadAsync(slug, null, CancellationToken.None);
        return page!.Related;
    }

    /// <summary>
    /// P@3: the share of each story's first three related stories that are on its own subject, over
    /// every story of <paramref name="subjectOf"/>; every story must have three.
    /// </summary>
    public static async Task<double> PrecisionAtThreeAsync(NewsSiteFactory site, Dictionary<int, string> subjectOf)
    {
        var (same, total) = (0, 0);
        foreach (var (id, subject) in subjectOf)
        {
            var links = (await OfAsync(site, id)).Take(3).ToList();
            Assert.Equal(3, links.Count);
            total += links.Count;
            same += links.Count(l => subjectOf[l.Id] == subject);
        }
        return same / (double)total;
    }
}
