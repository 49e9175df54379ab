using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.Related;

/// <summary>A link to another story: its headline and where it lives.</summary>
public sealed record StoryLink(int Id, string Title, string Slug, DateTime PublishedAt);

public sealed record StoryNeighbourLinks(StoryLink? Previous, StoryLink? Next);

/// <summary>
/// The neighbours of a story by date, for evicting the pages that link to it; how many related
/// stories a page shows. (The story page reads its related stories and neighbours with the story,
/// in <see cref="NewsReader.Stories.StoryPageReads"/>.)
/// </summary>
public sealed class RelatedStoriesService(IDbContextFactory<NewsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Related stories shown under a story: the first four stored ones that are out now.</summary>
    public const int Shown = 4;

    // Compiled once per service: run for every change's evictions, where EF's per-call expression work
    // rivals the SQL. Not static: a compiled query is bound to one model (SQLite's or PostgreSQL's).
    private readonly Func<NewsDbContext, int, DateTime, DateTime, CancellationToken, Task<StoryLink?>> _previousQuery =
        EF.CompileAsyncQuery((NewsDbContext db, int storyId, DateTime publishedAt, DateTime now, CancellationToken cancellationToken) => db.Stories.AsNoTracking()
            .Where(a => a.PublishedAt != null && a.PublishedAt <= now)
            .Where(a => a.PublishedAt < publishedAt || (a.PublishedAt == publishedAt && a.Id < storyId))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new StoryLink(a.Id, a.Title, a.Slug, a.PublishedAt!.Value))
            .FirstOrDefault());

    private readonly Func<NewsDbContext, int, DateTime, DateTime, CancellationToken, Task<StoryLink?>> _nextQuery =
        EF.CompileAsyncQuery((NewsDbContext db, int storyId, DateTime publishedAt, DateTime now, CancellationToken cancellationToken) => db.Stories.AsNoTracking()
            .Where(a => a.PublishedAt != null && a.PublishedAt <= now)
            .Where(a => a.PublishedAt > publishedAt || (a.PublishedAt == publishedAt && a.Id > storyId))
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            .Select(a => new StoryLink(a.Id, a.Title, a.Slug, a.PublishedAt!.Value))
            .FirstOrDefault());

    /// <summary>The published stories just before and just after this one by publish time (the id breaks ties).</summary>
    public async Task<StoryNeighbourLinks> GetNeighboursAsync(int storyId, DateTime publishedAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var previous = await _previousQuery(db, storyId, publishedAt, now, cancellationToken);
        var next = await _nextQuery(db, storyId, publishedAt, now, cancellationToken);
        return new StoryNeighbourLinks(previous, next);
    }
}
