using Microsoft.EntityFrameworkCore;
using NewsReader.Stories;
using NewsReader.Data;
using NewsReader.Redis;

namespace NewsReader.Editing;

/// <summary>
/// A scheduled story becomes visible by itself when its time comes: the reader queries compare
/// PublishedAt with the clock. Nothing is saved at that moment, though, so this tells
/// <see cref="StoryChanges"/> about it, for whatever follows publication (related stories,
/// cached pages, feeds, the search index). A breaking-news banner ends by the clock the same way,
/// and is announced the same way, so that cached pages drop it on time.
/// </summary>
/// <remarks>
/// With several instances only the holder of a lease in Redis (<see cref="JobLeases"/>) announces,
/// and the others learn of it as of any change (the evictions it sends). How far the announcements
/// got is kept beside the lease, so that an instance taking over neither skips nor repeats a window.
/// </remarks>
public sealed class ScheduledStories(
    IDbContextFactory<NewsDbContext> dbFactory,
    StoryChanges changes,
    JobLeases leases,
    TimeProvider clock,
    ILogger<ScheduledStories> logger) : BackgroundService
{
    /// <summary>Listeners hear of a story at most this long after it went live.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(15);

    /// <summary>Renewed on every pass; another instance takes over this long after the holder's last one.</summary>
    public static readonly TimeSpan LeaseLifetime = TimeSpan.FromMinutes(1);

    public const string LeaseName = "scheduled-stories";

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
        if (!await leases.TryHoldAsync(LeaseName, LeaseLifetime))
        {
            return [];
        }
        var since = await leases.ReadNoteAsync(LeaseName) is { } note && long.TryParse(note, out var ticks)
            ? new DateTime(ticks, DateTimeKind.Utc)
            : _checkedUpTo;
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
        await leases.WriteNoteAsync(LeaseName, now.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
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

    /// <summary>Hands the lease on at once rather than when it runs out.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await leases.ReleaseAsync(LeaseName);
        }
        // Disposed: the host is shutting down on another path too, and the connection went first.
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or ObjectDisposedException)
        {
            logger.LogWarning(ex, "Could not release the scheduled-stories lease; another instance takes over when it runs out.");
        }
    }

    public override void Dispose()
    {
        _onePass.Dispose();
        base.Dispose();
    }
}
