using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.Reactions;

public enum ReactionOutcome
{
    Set,
    Moved,
    Withdrawn,
}

/// <summary>
/// Readers' reactions to stories. Rows are one per reader and story (a unique index); every change
/// goes through <see cref="ReactionWriter"/>, which keeps ReactionCounts in the same transaction, so
/// the story page (<see cref="NewsReader.Stories.StoryPageReads"/>) reads a story's counts from at
/// most six rows and they always equal the rows.
/// </summary>
public sealed class ReactionService(IDbContextFactory<NewsDbContext> dbFactory, ReactionWriter writer, TimeProvider clock)
{
    // Compiled: every reaction post runs it, and EF's lookup of an uncompiled query on each call is
    // CPU a post need not spend now that the writes are cheap. One per service, not static: a
    // compiled query is bound to one model, SQLite's or PostgreSQL's, and tests run both in one process.
    private readonly Func<NewsDbContext, string, DateTime, Task<int?>> _publishedStoryQuery =
        EF.CompileAsyncQuery((NewsDbContext db, string slug, DateTime now) => db.Stories.AsNoTracking()
            .Where(a => a.Slug == slug && a.PublishedAt != null && a.PublishedAt <= now)
            .Select(a => (int?)a.Id)
            .FirstOrDefault());

    /// <summary>The id of the published story at this slug, or null.</summary>
    public async Task<int?> FindPublishedStoryAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await _publishedStoryQuery(db, slug, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// The reader presses a reaction: it is set if they had none, moved if they had another, and
    /// withdrawn if it was this one. Completes once the change is committed.
    /// </summary>
    public Task<ReactionOutcome> ReactAsync(int storyId, string readerId, ReactionKind kind, CancellationToken cancellationToken) =>
        writer.WriteAsync(storyId, readerId, kind, cancellationToken);
}
