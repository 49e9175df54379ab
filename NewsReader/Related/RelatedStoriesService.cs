using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.Related;

/// <summary>A link to another story: its headline and where it lives.</summary>
public sealed record StoryLink(int Id, string Title, string Slug, DateTime PublishedAt);

public sealed record StoryNeighbourLinks(StoryLink? Previous, StoryLink? Next);

/// <summary>What the story page shows under the reactions: related stories and the neighbours by date.</summary>
public sealed class RelatedStoriesService(IDbContextFactory<NewsDbContext> dbFactory, TimeProvider clock)
{
    public const int Shown = 4;

    // Compiled once: these run on every uncached story page, and EF's per-call work of turning the
    // expression tree into its cached query (parameter extraction, cache lookup) rivals the SQL here.
    private static readonly Func<NewsDbContext, int, DateTime, IAsyncEnumerable<StoryLink>> RelatedQuery =
        EF.CompileAsyncQuery((NewsDbContext db, int storyId, DateTime now) => (
                from r in db.Set<RelatedStory>().AsNoTracking()
                where r.StoryId == storyId
                join a in db.Stories on r.RelatedStoryId equals a.Id
                where a.Id != storyId && a.PublishedAt != null && a.PublishedAt <= now
                orderby r.Rank
                select new StoryLink(a.Id, a.Title, a.Slug, a.PublishedAt!.Value))
            .Take(Shown));

    private static readonly Func<NewsDbContext, int, DateTime, DateTime, CancellationToken, Task<StoryLink?>> PreviousQuery =
        EF.CompileAsyncQuery((NewsDbContext db, int storyId, DateTime publishedAt, DateTime now, CancellationToken cancellationToken) => db.Stories.AsNoTracking()
            .Where(a => a.PublishedAt != null && a.PublishedAt <= now)
            .Where(a => a.PublishedAt < publishedAt || (a.PublishedAt == publishedAt && a.Id < storyId))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new StoryLink(a.Id, a.Title, a.Slug, a.PublishedAt!.Value))
            .FirstOrDefault());

    private static readonly Func<NewsDbContext, int, DateTime, DateTime, CancellationToken, Task<StoryLink?>> NextQuery =
        EF.CompileAsyncQuery((NewsDbContext db, int storyId, DateTime publishedAt, DateTime now, CancellationToken cancellationToken) => db.Stories.AsNoTracking()
            .Where(a => a.PublishedAt != null && a.PublishedAt <= now)
            .Where(a => a.PublishedAt > publishedAt || (a.PublishedAt == publishedAt && a.Id > storyId))
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            .Select(a => new StoryLink(a.Id, a.Title, a.Slug, a.PublishedAt!.Value))
            .FirstOrDefault());

    /// <summary>
    /// The first four stored related stories that are out now. Publish times are checked here rather
    /// than when the list is computed, so a scheduled story joins lists the moment it is published.
    /// </summary>
    public async Task<IReadOnlyList<StoryLink>> GetRelatedAsync(int storyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var links = new List<StoryLink>(Shown);
        await foreach (var link in RelatedQuery(db, storyId, now).WithCancellation(cancellationToken))
        {
            links.Add(link);
        }
        return links;
    }

    /// <summary>The published stories just before and just after this one by publish time (the id breaks ties).</summary>
    public async Task<StoryNeighbourLinks> GetNeighboursAsync(int storyId, DateTime publishedAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var previous = await PreviousQuery(db, storyId, publishedAt, now, cancellationToken);
        var next = await NextQuery(db, storyId, publishedAt, now, cancellationToken);
        return new StoryNeighbourLinks(previous, next);
    }
}
