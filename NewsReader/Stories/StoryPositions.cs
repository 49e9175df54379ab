using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.Stories;

/// <summary>
/// Keeps the <see cref="StoryOrder"/> of the published stories in memory so that list pages at
/// any depth cost the same: at 1,000,000 stories counting the list and skipping to page 2,000
/// through the (PublishedAt, Id) index took 130–140 ms a page. The order is built by one
/// index-only scan and thrown away when stories change (this is a change listener), when the
/// next scheduled story's time comes, or after <see cref="MaximumAge"/>, which covers changes
/// made by another process such as an import from the command line.
/// </summary>
public sealed class StoryPositions(
    IDbContextFactory<NewsDbContext> dbFactory,
    TimeProvider clock,
    ILogger<StoryPositions> logger) : IStoryChangeListener, IInMemoryStoryState, IDisposable
{
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(10);

    // One build at a time: after a change every request would otherwise scan the index at once.
    private readonly SemaphoreSlim _building = new(1, 1);
    private long _generation;
    private volatile StoryOrder? _current;

    // Before the cached pages are evicted, so that the pages rendered again read the new order.
    public ChangeStage Stage => ChangeStage.StoredData;

    public Task StoriesChangedAsync(IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken)
    {
        Forget();
        return Task.CompletedTask;
    }

    /// <summary>Stories changed here or on another instance: the next request builds the order again.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }

    /// <summary>The order as of now, built first if what is kept is stale.</summary>
    public async Task<StoryOrder> GetAsync(CancellationToken cancellationToken)
    {
        if (IsCurrent(_current) is { } current)
        {
            return current;
        }
        await _building.WaitAsync(cancellationToken);
        try
        {
            if (IsCurrent(_current) is { } built)
            {
                return built;
            }
            // Read before the scan: a change during it leaves the result marked stale for the next request.
            var order = await BuildAsync(Interlocked.Read(ref _generation), cancellationToken);
            _current = order;
            return order;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>A term's list in <paramref name="order"/>: its published stories' ranks, newest first.</summary>
    public async Task<int[]> TermRanksAsync(StoryOrder order, StoryListKind kind, int termId, CancellationToken cancellationToken)
    {
        if (order.TermRanks(kind, termId) is { } ranks)
        {
            return ranks;
        }
        // The link table's (term, story) index alone; publish state and order come from the order.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var storyIds = kind switch
        {
            StoryListKind.Category => await db.Set<StoryCategory>().AsNoTracking()
                .Where(l => l.CategoryId == termId).Select(l => l.StoryId).ToListAsync(cancellationToken),
            StoryListKind.Tag => await db.Set<StoryTag>().AsNoTracking()
                .Where(l => l.TagId == termId).Select(l => l.StoryId).ToListAsync(cancellationToken),
            _ => await db.Set<StoryAuthor>().AsNoTracking()
                .Where(l => l.AuthorId == termId).Select(l => l.StoryId).ToListAsync(cancellationToken),
        };
        return order.AddTerm(kind, termId, storyIds);
    }

    private StoryOrder? IsCurrent(StoryOrder? order)
    {
        var now = clock.GetUtcNow();
        return order is not null && order.Generation == Interlocked.Read(ref _generation)
            && now >= order.BuiltAt && now < order.ValidUntil
            ? order
            : null;
    }

    private async Task<StoryOrder> BuildAsync(long generation, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Id only, in index order: SQLite answers it from the (PublishedAt, Id) index without a sort.
        var ids = await db.Stories.AsNoTracking()
            .Where(a => a.PublishedAt != null && a.PublishedAt <= nowUtc)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => a.Id)
            .ToArrayAsync(cancellationToken);
        var nextScheduled = await db.Stories.AsNoTracking()
            .Where(a => a.PublishedAt > nowUtc)
            .MinAsync(a => a.PublishedAt, cancellationToken);

        var validUntil = now + MaximumAge;
        if (nextScheduled is { } next && new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)) < validUntil)
        {
            validUntil = new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
        }
        var order = new StoryOrder(ids, generation, now, validUntil);
        logger.LogDebug("Story order of {Count} stories built in {Elapsed} ms.", ids.Length, clock.GetElapsedTime(started).TotalMilliseconds);
        return order;
    }

    public void Dispose() => _building.Dispose();
}
