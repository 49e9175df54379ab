using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Redis;

namespace NewsReader.Related;

/// <summary>
/// After start-up, computes the related stories of stories that have none yet: stories saved before
/// this feature existed, or added in bulk without telling the change listeners (seed-demo leaves a
/// load of more than a few thousand stories to this). It runs in the background so the site answers
/// meanwhile; pages show no related stories until it is done. A large backlog goes through
/// <see cref="RelatedBulkRanking"/>: bounded batches at low priority, resumed after a restart.
/// </summary>
/// <remarks>
/// <para>Stored counts, weights and scores are only comparable when they were all made by one version of
/// the ranking. So the database records which version made them (<see cref="RelatedStoriesUpdater.RankingVersion"/>, in a
/// reserved TermStats row: no migration needed), and when a site starts on data made by an older one,
/// everything is recomputed once, as after a bulk load.</para>
/// </remarks>
/// <remarks>
/// Two sites started on one database (a cached and an uncached one in bench/run.sh) would both find
/// the same stories missing and both add their terms to the shared document frequencies, doubling
/// them. So the work is done under an exclusive lock on the database (<see cref="DatabaseLock"/>):
/// the second site waits, then finds nothing missing (on PostgreSQL an advisory lock, which every
/// instance on the database shares). With Redis configured the work also holds the lease in Redis
/// that the other once-only work takes (<see cref="JobLeases"/>), renewed while the work goes on.
/// </remarks>
public sealed class RelatedStoriesCatchUp(
    IDbContextFactory<NewsDbContext> dbFactory,
    RelatedStoriesUpdater updater,
    RelatedBulkRanking bulk,
    JobLeases leases,
    ILogger<RelatedStoriesCatchUp> logger) : BackgroundService
{
    /// <summary>More stories missing than this are ranked in bounded batches (<see cref="RelatedBulkRanking"/>) rather than in one go.</summary>
    public const int BulkThreshold = 5000;

    public const string LeaseName = "related-catch-up";

    /// <summary>How long the lease outlives an instance that stopped holding it without a word.</summary>
    public static readonly TimeSpan LeaseLifetime = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // SQLite's async calls complete synchronously; never hold up start-up
        try
        {
            // The database's own lock first: it holds among every process on this database, with or
            // without Redis (an instance started without the Redis setting, or a command), where the
            // lease alone let two instances rank the same backlog at once and fail on its keys.
            using var databaseLock = await DatabaseLock.AcquireAsync(dbFactory, "related", Waiting, stoppingToken);
            if (leases.IsShared)
            {
                await leases.RunAsync(LeaseName, LeaseLifetime, Waiting, CatchUpAsync, stoppingToken);
            }
            else
            {
                await CatchUpAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the rest is caught up on the next start.
        }
        catch (OperationCanceledException)
        {
            // The lease was lost (Redis went away or it ran out): whoever holds it now carries on,
            // and a bulk ranking resumes from its saved place.
            logger.LogWarning("Lost the lease for catching up related stories; stopped so that another instance can carry on.");
        }
        // A timeout is not a RedisException: a Redis slow to answer (a loaded server) must not stop the site either.
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            logger.LogError(ex, "Could not take the lease for catching up related stories; it is tried again on the next start.");
        }
    }

    private void Waiting() => logger.LogInformation("Another process is computing related stories for this database; waiting for it.");

    private async Task CatchUpAsync(CancellationToken stoppingToken)
    {
        if (await bulk.IsUnfinishedAsync(stoppingToken))
        {
            await bulk.RunAsync(stoppingToken);
            return;
        }
        List<int> missing;
        bool outdated;
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
        {
            var version = await db.Set<TermStat>().AsNoTracking().Where(s => s.Term == RelatedStoriesUpdater.VersionTerm)
                .Select(s => (int?)s.Documents).FirstOrDefaultAsync(stoppingToken);
            outdated = version != RelatedStoriesUpdater.RankingVersion && await db.Set<StoryTermCount>().AnyAsync(stoppingToken);
            missing = outdated ? [] : await db.Stories.AsNoTracking()
                .Where(a => !db.Set<StoryTermCount>().Any(c => c.StoryId == a.Id))
                .Select(a => a.Id)
                .ToListAsync(stoppingToken);
        }
        if (outdated)
        {
            logger.LogInformation("Related stories were ranked by an older version; ranking every story again.");
            await bulk.StartOverAsync(stoppingToken);
        }
        else if (missing.Count > BulkThreshold)
        {
            logger.LogInformation("{Count} stories have no related stories yet; ranking the archive in batches.", missing.Count);
            await bulk.RunAsync(stoppingToken);
        }
        else
        {
            if (missing.Count > 0)
            {
                logger.LogInformation("Computing related stories for {Count} stories that have none yet.", missing.Count);
                await updater.UpdateAsync(missing, stoppingToken);
            }
            // Nothing older was stored (or nothing at all), so all that is stored now is this version's.
            await updater.MarkRankingVersionAsync(stoppingToken);
        }
    }
}
