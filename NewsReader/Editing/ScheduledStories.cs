using Microsoft.EntityFrameworkCore;
using NewsReader.Stories;
using NewsReader.Data;

namespace NewsReader.Editing;

/// <summary>
/// A scheduled story becomes visible by itself when its time comes: the reader queries compare
/// PublishedAt with the clock. Nothing is saved at that moment, though, so this tells
/// <see cref="StoryChanges"/> about it, for whatever follows publication (related stories,
/// cached pages, feeds, the search index). A breaking-news banner ends by the clock the same way,
/// and is announced the same way, so that cached pages drop it on time.
/// </summary>
public sealed class ScheduledStories(
    IDbContextFactory<NewsDbContext> dbFactory,
    StoryChanges changes,
    TimeProvider clock,
    ILogger<ScheduledStories> logger) : BackgroundService
{
    /// <summary>Listeners hear of a story at most this long after it went live.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(15);

    // One pass at a time: a caller's pass (a test, an operator's command) and the timer's must not
    // both read the same window, or one of them would return before the other had told the listeners.
    private readonly SemaphoreSlim _onePass = new(1, 1);

    private DateTime _checkedUpTo = clock.GetUtcNow().UtcDateTime;

    /// <summary>Announces the stories that went live, or whose breaking banner ended, since the last pass; returns their ids.</summary>
    public async Task<IReadOnlyList<int>> AnnounceDueAsync(CancellationToken cancellationToken)
    {
        await _onePass.WaitAsync(cancellationToken);
        try
        {
            return await AnnounceDueOnceAsync(cancellationToken);
        }
        finally
        {
            _onePass.Release();
        }
    }

    private async Task<IReadOnlyList<int>> AnnounceDueOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = _checkedUpTo;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.Stories.AsNoTracking()
            .Where(a => (a.PublishedAt > since && a.PublishedAt <= now) || (a.BreakingUntil > since && a.BreakingUntil <= now))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        if (due.Count > 0)
        {
            logger.LogInformation("{Count} scheduled stories went live or ended as breaking news: {Ids}", due.Count, due);
            await changes.NotifyAsync(due, cancellationToken);
        }
        _checkedUpTo = now;
        return due;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await AnnounceDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next pass covers the same window again: _checkedUpTo only moves on success.
                logger.LogError(ex, "Announcing scheduled stories failed.");
            }
        }
    }

    public override void Dispose()
    {
        _onePass.Dispose();
        base.Dispose();
    }
}
