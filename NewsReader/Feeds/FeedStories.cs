using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Stories;

namespace NewsReader.Feeds;

/// <summary>A story as feeds show it: the full sanitised body included.</summary>
public sealed record FeedStory(
    string Title,
    string Slug,
    string Summary,
    IReadOnlyList<string> Authors,
    string BodyHtml,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    IReadOnlyList<string> Categories)
{
    /// <summary>The sanitised correction note; empty when none.</summary>
    public string CorrectionHtml { get; init; } = "";

    /// <summary>What a feed reader shows: the body, then the correction in a marked block as on the page.</summary>
    public string ContentHtml => CorrectionHtml.Length == 0
        ? BodyHtml
        : $"{BodyHtml}\n<aside class=\"correction\"><h2>Correction</h2>\n{CorrectionHtml}</aside>";
}

/// <summary>A page for the sitemap: a site path and when it last changed.</summary>
public readonly record struct SitemapEntry(string Path, DateTime? LastModified);

/// <summary>The queries behind the feeds and the sitemap; published stories only, never tracked.</summary>
public sealed class FeedStories(IDbContextFactory<NewsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The newest published stories, of one category or tag when <paramref name="term"/> is given.</summary>
    public async Task<IReadOnlyList<FeedStory>> GetLatestAsync(int count, CancellationToken cancellationToken, Term? term = null) =>
        await LatestAsync(count, term, null, cancellationToken);

    /// <summary>The newest published stories of one author.</summary>
    public async Task<IReadOnlyList<FeedStory>> GetLatestByAuthorAsync(int authorId, int count, CancellationToken cancellationToken) =>
        await LatestAsync(count, null, authorId, cancellationToken);

    private async Task<IReadOnlyList<FeedStory>> LatestAsync(int count, Term? term, int? authorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var published = db.Stories.AsNoTracking().Where(a => a.PublishedAt != null && a.PublishedAt <= now);
        published = term switch
        {
            { Kind: TermKind.Category } => published.Where(a => a.Categories.Any(c => c.CategoryId == term.Id)),
            { Kind: TermKind.Tag } => published.Where(a => a.Tags.Any(t => t.TagId == term.Id)),
            _ => published,
        };
        if (authorId is { } author)
        {
            published = published.Where(a => a.Authors.Any(l => l.AuthorId == author));
        }
        return await published
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(count)
            .Select(a => new FeedStory(a.Title, a.Slug, a.Summary,
                a.Authors.OrderBy(l => l.Position).Select(l => l.Author!.Name).ToList(), a.BodyHtml, a.PublishedAt!.Value, a.UpdatedAt,
                a.Categories.OrderBy(c => c.Position).Select(c => c.Category!.Name).ToList()) { CorrectionHtml = a.CorrectionHtml })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
    }

    public async Task<int> CountPublishedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Stories.AsNoTracking().CountAsync(a => a.PublishedAt != null && a.PublishedAt <= now, cancellationToken);
    }

    private sealed record CategoryNewest(string Slug, DateTime Newest);

    /// <summary>The home page and every category with published stories, each dated by its newest story.</summary>
    public async Task<IReadOnlyList<SitemapEntry>> GetListPagesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var newest = await db.Stories.AsNoTracking()
            .Where(a => a.PublishedAt != null && a.PublishedAt <= now)
            .MaxAsync(a => a.PublishedAt, cancellationToken);
        // The publish dates come from the (PublishedAt, Id) index, materialised once, rather than
        // from each linked story's row: PublishedAt sits behind the long body columns, and reading
        // it row by row costs seconds at 100,000 stories.
        var categories = await db.Database.SqlQuery<CategoryNewest>($"""
            WITH published AS MATERIALIZED (
                SELECT "Id", "PublishedAt" FROM "Articles" WHERE "PublishedAt" IS NOT NULL AND "PublishedAt" <= {now})
            SELECT c."Slug" AS "Slug", max(p."PublishedAt") AS "Newest"
            FROM "ArticleCategories" l
            JOIN published p ON p."Id" = l."ArticleId"
            JOIN "Categories" c ON c."Id" = l."CategoryId"
            GROUP BY c."Id", c."Slug"
            ORDER BY c."Slug"
            """)
            .ToListAsync(cancellationToken);
        return [new SitemapEntry("/", newest), .. categories.Select(c => new SitemapEntry($"/categories/{c.Slug}", c.Newest))];
    }

    /// <summary>
    /// Published stories oldest first (by publish date, then id: the order of the PublishedAt index,
    /// so skipping to a later sitemap part costs an index walk, not a read of every story before it),
    /// <paramref name="skip"/> and <paramref name="take"/> applied, read one row at a time so that a
    /// sitemap of 50,000 stories is never a list in memory. A story last changed when it was edited
    /// or, if later, when it went live.
    /// </summary>
    public async IAsyncEnumerable<SitemapEntry> StreamStoriesAsync(
        int skip, int take, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Stories.AsNoTracking()
            .Where(a => a.PublishedAt != null && a.PublishedAt <= now)
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            .Skip(skip).Take(take)
            .Select(a => new { a.Slug, a.UpdatedAt, PublishedAt = a.PublishedAt!.Value })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return new SitemapEntry($"/articles/{row.Slug}", row.UpdatedAt > row.PublishedAt ? row.UpdatedAt : row.PublishedAt);
        }
    }

    /// <summary>What a Google News sitemap lists: stories published in the last two days, newest first (1,000 at most).</summary>
    public async Task<IReadOnlyList<(string Slug, string Title, DateTime PublishedAt)>> GetRecentAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - window;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Stories.AsNoTracking()
            .Where(a => a.PublishedAt != null && a.PublishedAt <= now && a.PublishedAt > since)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(1000)
            .Select(a => new { a.Slug, a.Title, PublishedAt = a.PublishedAt!.Value })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Slug, r.Title, r.PublishedAt)).ToList();
    }
}
