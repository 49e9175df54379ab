using Microsoft.EntityFrameworkCore;
using NewsReader.Accounts;
using NewsReader.Stories;
using NewsReader.Data;

namespace NewsReader.Editing;

/// <summary>
/// The admin table of stories: search by title, filter by status, sort and page. A contributor's
/// table holds only their own stories.
/// </summary>
public sealed class StoryList(IDbContextFactory<NewsDbContext> dbFactory, EditorAccess access, TimeProvider clock)
{
    public async Task<StoryTable> ListAsync(StoryQuery query, CancellationToken cancellationToken)
    {
        var user = await access.RequireWriterAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stories = db.Stories.AsNoTracking();
        if (!user.IsEditor)
        {
            stories = stories.Where(a => a.OwnerId == user.UserId);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            // EF translates ToLower() and Contains(string) to SQLite's lower() and instr(); the
            // culture and comparison overloads the analyzers prefer have no translation.
#pragma warning disable CA1304, CA1311, CA1862
            stories = stories.Where(a => a.Title.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }
        stories = query.Status switch
        {
            StoryStatus.Draft => stories.Where(a => a.PublishedAt == null && a.SubmittedForReviewAt == null),
            StoryStatus.InReview => stories.Where(a => a.PublishedAt == null && a.SubmittedForReviewAt != null),
            StoryStatus.Scheduled => stories.Where(a => a.PublishedAt > now),
            StoryStatus.Published => stories.Where(a => a.PublishedAt <= now),
            _ => stories,
        };

        var total = await stories.CountAsync(cancellationToken);
        var ordered = query.Sort switch
        {
            StorySort.Title => query.Descending ? stories.OrderByDescending(a => a.Title) : stories.OrderBy(a => a.Title),
            StorySort.Author => query.Descending ? stories.OrderByDescending(FirstAuthor) : stories.OrderBy(FirstAuthor),
            StorySort.Published => query.Descending ? stories.OrderByDescending(a => a.PublishedAt) : stories.OrderBy(a => a.PublishedAt),
            // Draft, in review, scheduled, published: the order of a story's life.
            StorySort.Status => query.Descending
                ? stories.OrderByDescending(a => a.PublishedAt == null ? (a.SubmittedForReviewAt == null ? 0 : 1) : a.PublishedAt > now ? 2 : 3)
                : stories.OrderBy(a => a.PublishedAt == null ? (a.SubmittedForReviewAt == null ? 0 : 1) : a.PublishedAt > now ? 2 : 3),
            _ => query.Descending ? stories.OrderByDescending(a => a.UpdatedAt) : stories.OrderBy(a => a.UpdatedAt),
        };
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(1, query.Page);
        var rows = await ordered.ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new { a.Id, a.Title, a.Slug, Authors = a.Authors.OrderBy(l => l.Position).Select(l => l.Author!.Name).ToList(), a.UpdatedAt, a.PublishedAt, a.SubmittedForReviewAt, a.ReviewNote })
            .ToListAsync(cancellationToken);
        return new StoryTable(
            rows.Select(r => new StoryTableRow(r.Id, r.Title, r.Slug, StoryDraft.StatusOf(r.PublishedAt, r.SubmittedForReviewAt, now),
                Authors.AuthorNames.Byline(r.Authors), r.UpdatedAt, r.PublishedAt, r.ReviewNote)).ToList(),
            total);
    }

    // The table sorts by the byline's first name.
    private static readonly System.Linq.Expressions.Expression<Func<Story, string?>> FirstAuthor =
        a => a.Authors.OrderBy(l => l.Position).Select(l => l.Author!.Name).FirstOrDefault();
}
