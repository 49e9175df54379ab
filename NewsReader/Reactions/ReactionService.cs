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
/// pages read a story's counts from at most six rows and they always equal the rows.
/// </summary>
public sealed class ReactionService(IDbContextFactory<NewsDbContext> dbFactory, ReactionWriter writer, TimeProvider clock)
{
    // Compiled: every reaction post runs it, and EF's lookup of an uncompiled query on each call is
    // CPU a post need not spend now that the writes are cheap.
    private static readonly Func<NewsDbContext, string, DateTime, Task<int?>> PublishedStoryQuery =
        EF.CompileAsyncQuery((NewsDbContext db, string slug, DateTime now) => db.Stories.AsNoTracking()
            .Where(a => a.Slug == slug && a.PublishedAt != null && a.PublishedAt <= now)
            .Select(a => (int?)a.Id)
            .FirstOrDefault());

    /// <summary>The id of the published story at this slug, or null.</summary>
    public async Task<int?> FindPublishedStoryAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PublishedStoryQuery(db, slug, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>How many readers chose each reaction: the same for every reader, so it can be cached.</summary>
    // Compiled once: it runs on every uncached story page (see RelatedStoriesService for why).
    private static readonly Func<NewsDbContext, int, IAsyncEnumerable<ReactionCount>> CountsQuery =
        EF.CompileAsyncQuery((NewsDbContext db, int storyId) => db.ReactionCounts.AsNoTracking()
            .Where(c => c.StoryId == storyId && c.Count > 0));

    private static readonly Func<NewsDbContext, int, string, Task<ReactionKind?>> ChoiceQuery =
        EF.CompileAsyncQuery((NewsDbContext db, int storyId, string readerId) => db.Reactions.AsNoTracking()
            .Where(r => r.StoryId == storyId && r.ReaderId == readerId)
            .Select(r => (ReactionKind?)r.Kind)
            .FirstOrDefault());

    public async Task<IReadOnlyDictionary<ReactionKind, int>> GetCountsAsync(int storyId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReadCountsAsync(db, storyId, cancellationToken);
    }

    private static async Task<Dictionary<ReactionKind, int>> ReadCountsAsync(NewsDbContext db, int storyId, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<ReactionKind, int>();
        await foreach (var count in CountsQuery(db, storyId).WithCancellation(cancellationToken))
        {
            counts[count.Kind] = count.Count;
        }
        return counts;
    }

    /// <summary>The reader's own reaction to the story, if any: the only per-reader part of the block.</summary>
    public async Task<ReactionKind?> GetReaderChoiceAsync(int storyId, string? readerId, CancellationToken cancellationToken)
    {
        if (readerId is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ChoiceQuery(db, storyId, readerId);
    }

    /// <summary>The counts and the reader's choice from one context (one pooled connection, not two).</summary>
    public async Task<ReactionTally> GetTallyAsync(int storyId, string? readerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await ReadCountsAsync(db, storyId, cancellationToken);
        return new(counts, readerId is null ? null : await ChoiceQuery(db, storyId, readerId));
    }

    /// <summary>
    /// The reader presses a reaction: it is set if they had none, moved if they had another, and
    /// withdrawn if it was this one. Completes once the change is committed.
    /// </summary>
    public Task<ReactionOutcome> ReactAsync(int storyId, string readerId, ReactionKind kind, CancellationToken cancellationToken) =>
        writer.WriteAsync(storyId, readerId, kind, cancellationToken);
}
