using System.Data.Common;
using Microsoft.Data.Sqlite;
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
/// Readers' reactions to stories. Counts are always derived from the rows (one per reader and story,
/// behind a unique index), and every change is a conditional insert, update or delete of that one
/// row, so any number of readers reacting at once leaves exact counts.
/// </summary>
public sealed class ReactionService(IDbContextFactory<NewsDbContext> dbFactory, TimeProvider clock)
{
    private const int Attempts = 5;

    /// <summary>
    /// SQLite takes one writer at a time. Queued here, a burst of readers reacting at once waits
    /// its turn in memory instead of colliding in the database, where each loser backs off and
    /// retries (measured: bench/run.sh, reactions row).
    /// </summary>
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>The id of the published story at this slug, or null.</summary>
    public async Task<int?> FindPublishedStoryAsync(string slug, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Stories.AsNoTracking()
            .Where(a => a.Slug == slug && a.PublishedAt != null && a.PublishedAt <= now)
            .Select(a => (int?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>How many readers chose each reaction: the same for every reader, so it can be cached.</summary>
    // Compiled once: it runs on every uncached story page (see RelatedStoriesService for why).
    private static readonly Func<NewsDbContext, int, IAsyncEnumerable<KindCount>> CountsQuery =
        EF.CompileAsyncQuery((NewsDbContext db, int storyId) => db.Reactions.AsNoTracking()
            .Where(r => r.StoryId == storyId)
            .GroupBy(r => r.Kind)
            .Select(g => new KindCount(g.Key, g.Count())));

    private sealed record KindCount(ReactionKind Kind, int Count);

    public async Task<IReadOnlyDictionary<ReactionKind, int>> GetCountsAsync(int storyId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
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
        return await db.Reactions.AsNoTracking()
            .Where(r => r.StoryId == storyId && r.ReaderId == readerId)
            .Select(r => (ReactionKind?)r.Kind)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<ReactionTally> GetTallyAsync(int storyId, string? readerId, CancellationToken cancellationToken) =>
        new(await GetCountsAsync(storyId, cancellationToken), await GetReaderChoiceAsync(storyId, readerId, cancellationToken));

    /// <summary>
    /// The reader presses a reaction: it is set if they had none, moved if they had another, and
    /// withdrawn if it was this one.
    /// </summary>
    public async Task<ReactionOutcome> ReactAsync(int storyId, string readerId, ReactionKind kind, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return await ReactOnceAsync(storyId, readerId, kind, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<ReactionOutcome> ReactOnceAsync(int storyId, string readerId, ReactionKind kind, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var current = await db.Reactions.AsNoTracking()
                .Where(r => r.StoryId == storyId && r.ReaderId == readerId)
                .Select(r => new { r.Id, r.Kind })
                .FirstOrDefaultAsync(cancellationToken);

            // Each write below only happens if the row is still as it was just read; if another request
            // of the same reader got there first, the loop reads again and decides again.
            if (current is null)
            {
                db.Reactions.Add(new Reaction
                {
                    StoryId = storyId, ReaderId = readerId, Kind = kind, ReactedAt = clock.GetUtcNow().UtcDateTime,
                });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return ReactionOutcome.Set;
                }
                catch (DbUpdateException ex) when (IsUniqueViolation(ex) && attempt < Attempts)
                {
                    continue;
                }
            }

            var matching = db.Reactions.Where(r => r.Id == current.Id && r.Kind == current.Kind);
            if (current.Kind == kind)
            {
                if (await matching.ExecuteDeleteAsync(cancellationToken) == 1 || attempt >= Attempts)
                {
                    return ReactionOutcome.Withdrawn;
                }
            }
            else
            {
                var now = clock.GetUtcNow().UtcDateTime;
                if (await matching.ExecuteUpdateAsync(s => s.SetProperty(r => r.Kind, kind).SetProperty(r => r.ReactedAt, now),
                        cancellationToken) == 1 || attempt >= Attempts)
                {
                    return ReactionOutcome.Moved;
                }
            }
        }
    }

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067, // SQLITE_CONSTRAINT_UNIQUE
        DbException other => other.SqlState == "23505",                   // unique_violation (PostgreSQL)
        _ => false,
    };
}
