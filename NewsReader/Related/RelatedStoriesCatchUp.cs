using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.Related;

/// <summary>
/// After start-up, computes the related stories of stories that have none yet: stories saved before
/// this feature existed, or added in bulk without telling the change listeners. It runs in the
/// background so the site answers meanwhile; pages show no related stories until it is done.
/// </summary>
public sealed class RelatedStoriesCatchUp(
    IDbContextFactory<NewsDbContext> dbFactory,
    RelatedStoriesUpdater updater,
    ILogger<RelatedStoriesCatchUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // SQLite's async calls complete synchronously; never hold up start-up
        try
        {
            List<int> missing;
            await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
            {
                missing = await db.Articles.AsNoTracking()
                    .Where(a => !db.Set<ArticleTermCount>().Any(c => c.ArticleId == a.Id))
                    .Select(a => a.Id)
                    .ToListAsync(stoppingToken);
            }
            if (missing.Count > 0)
            {
                logger.LogInformation("Computing related stories for {Count} stories that have none yet.", missing.Count);
                await updater.UpdateAsync(missing, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the rest is caught up on the next start.
        }
    }
}
