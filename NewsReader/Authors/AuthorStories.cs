using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Stories;

namespace NewsReader.Authors;

/// <summary>An author as their page shows them.</summary>
public sealed record AuthorProfile(int Id, string Name, string Slug, string Bio, string? Picture);

/// <summary>The reader side of authors: an author by slug, and their published stories, newest first.</summary>
public sealed class AuthorStories(IDbContextFactory<NewsDbContext> dbFactory, PublishedStories published, TimeProvider clock)
{
    public async Task<AuthorProfile?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Authors.AsNoTracking()
            .Where(a => a.Slug == slug)
            .Select(a => new AuthorProfile(a.Id, a.Name, a.Slug, a.Bio, a.Picture))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// One page of the author's published stories as cards. As for a category, the count and the
    /// page's ids come from the (AuthorId, StoryId) and (PublishedAt, Id) indexes; only the page's
    /// rows are read.
    /// </summary>
    public async Task<PagedList<StoryListItem>> GetPageAsync(int authorId, int page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unpublished = db.Stories.AsNoTracking().Where(a => a.PublishedAt == null || a.PublishedAt > now).Select(a => a.Id);
        var total = await db.Set<StoryAuthor>().AsNoTracking()
            .CountAsync(l => l.AuthorId == authorId && !unpublished.Contains(l.StoryId), cancellationToken);

        var skip = (page - 1) * PublishedStories.PageSize;
        if (total == 0 || skip >= total)
        {
            return new PagedList<StoryListItem>([], page, PublishedStories.PageSize, total);
        }
        var ids = await db.Stories.AsNoTracking()
            .Where(a => a.PublishedAt != null && a.PublishedAt <= now && a.Authors.Any(l => l.AuthorId == authorId))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip(skip).Take(PublishedStories.PageSize)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        var byId = await published.CardsAsync(db, ids, cancellationToken);
        return new PagedList<StoryListItem>(ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList(), page, PublishedStories.PageSize, total);
    }
}
