using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Authors;

/// <summary>Author rows as a test needs them, written straight to the site's database.</summary>
internal static class AuthorTestData
{
    public static async Task SetAuthorBioAsync(this NewsSiteFactory site, string slug, string bio)
    {
        await using var db = await site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Authors.Where(a => a.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(a => a.Bio, bio)));
    }

    public static async Task<List<(string Name, string Slug)>> AuthorsAsync(this NewsSiteFactory site)
    {
        await using var db = await site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        var rows = await db.Authors.OrderBy(a => a.Id).Select(a => new { a.Name, a.Slug }).ToListAsync();
        return rows.Select(r => (r.Name, r.Slug)).ToList();
    }

    /// <summary>The names of the story's authors in byline order.</summary>
    public static async Task<List<string>> BylineAsync(this NewsSiteFactory site, string storySlug)
    {
        await using var db = await site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        return await db.Set<StoryAuthor>().Where(l => l.Story!.Slug == storySlug).OrderBy(l => l.Position)
            .Select(l => l.Author!.Name).ToListAsync();
    }
}
