using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Stories;

namespace NewsReader.Authors;

/// <summary>An author as their page shows them.</summary>
public sealed record AuthorProfile(int Id, string Name, string Slug, string Bio, string? Picture);

/// <summary>The reader side of authors: an author by slug, and their published stories, newest first.</summary>
public sealed class AuthorStories(IDbContextFactory<NewsDbContext> dbFactory, PublishedStories published)
{
    public async Task<AuthorProfile?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Authors.AsNoTracking()
            .Where(a => a.Slug == slug)
            .Select(a => new AuthorProfile(a.Id, a.Name, a.Slug, a.Bio, a.Picture))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>One page of the author's published stories as cards, paged in memory like a category.</summary>
    public Task<PagedList<StoryListItem>> GetPageAsync(int authorId, int page, CancellationToken cancellationToken) =>
        published.GetTermPageAsync(StoryListKind.Author, authorId, page, cancellationToken);
}
