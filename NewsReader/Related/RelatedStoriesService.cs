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

    /// <summary>
    /// The first four stored related stories that are out now. Publish times are checked here rather
    /// than when the list is computed, so a scheduled story joins lists the moment it is published.
    /// </summary>
    public async Task<IReadOnlyList<StoryLink>> GetRelatedAsync(int articleId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (
                from r in db.Set<RelatedArticle>().AsNoTracking()
                where r.ArticleId == articleId
                join a in db.Articles on r.RelatedArticleId equals a.Id
                where a.Id != articleId && a.PublishedAt != null && a.PublishedAt <= now
                orderby r.Rank
                select new StoryLink(a.Id, a.Title, a.Slug, a.PublishedAt!.Value))
            .Take(Shown)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The published stories just before and just after this one by publish time (the id breaks ties).</summary>
    public async Task<StoryNeighbourLinks> GetNeighboursAsync(int articleId, DateTime publishedAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var published = db.Articles.AsNoTracking().Where(a => a.PublishedAt != null && a.PublishedAt <= now);

        var previous = await published
            .Where(a => a.PublishedAt < publishedAt || (a.PublishedAt == publishedAt && a.Id < articleId))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new StoryLink(a.Id, a.Title, a.Slug, a.PublishedAt!.Value))
            .FirstOrDefaultAsync(cancellationToken);
        var next = await published
            .Where(a => a.PublishedAt > publishedAt || (a.PublishedAt == publishedAt && a.Id > articleId))
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            .Select(a => new StoryLink(a.Id, a.Title, a.Slug, a.PublishedAt!.Value))
            .FirstOrDefaultAsync(cancellationToken);
        return new StoryNeighbourLinks(previous, next);
    }
}
