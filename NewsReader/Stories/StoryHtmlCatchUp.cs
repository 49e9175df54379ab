using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NewsReader.Caching;
using NewsReader.Data;

namespace NewsReader.Stories;

/// <summary>
/// Stories keep their HTML as it was rendered when they were saved. When the renderer starts
/// writing something new (version 2: headings carry ids and "#" links, which the table of contents
/// needs), the stories saved before are rendered again once, in the background after start-up, and
/// the version is recorded so later starts skip the work.
/// </summary>
public sealed class StoryHtmlCatchUp(
    IDbContextFactory<NewsDbContext> dbFactory,
    StoryWriter writer,
    CacheFreshness freshness,
    IOutputCacheStore cache,
    ILogger<StoryHtmlCatchUp> logger) : BackgroundService
{
    public const string VersionName = "story-html";

    /// <summary>The version of the HTML the renderer writes now.</summary>
    public const int HtmlVersion = 2;

    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // SQLite's async calls complete synchronously; never hold up start-up
        try
        {
            await CatchUpAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the next start does it again.
        }
    }

    /// <summary>Renders the outdated stories again; returns how many there were.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var version = await db.DataVersions.AsNoTracking().Where(v => v.Name == VersionName)
                .Select(v => (int?)v.Version).SingleOrDefaultAsync(cancellationToken);
            if (version >= HtmlVersion)
            {
                return 0;
            }
        }

        var done = 0;
        var after = 0;
        while (true)
        {
            List<int> ids;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                // Only headings render differently in version 2: other stories are left as they are.
                ids = await db.Stories.AsNoTracking()
                    .Where(s => s.Id > after && (s.BodyHtml.Contains("<h1>") || s.BodyHtml.Contains("<h2>") || s.BodyHtml.Contains("<h3>")
                        || s.BodyHtml.Contains("<h4>") || s.BodyHtml.Contains("<h5>") || s.BodyHtml.Contains("<h6>")))
                    .OrderBy(s => s.Id).Select(s => s.Id).Take(BatchSize)
                    .ToListAsync(cancellationToken);
            }
            if (ids.Count == 0)
            {
                break;
            }
            await writer.RenderAgainAsync(ids, cancellationToken);
            done += ids.Count;
            after = ids[^1];
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.DataVersions.SingleOrDefaultAsync(v => v.Name == VersionName, cancellationToken);
            if (row is null)
            {
                db.DataVersions.Add(new DataVersion { Name = VersionName, Version = HtmlVersion });
            }
            else
            {
                row.Version = HtmlVersion;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        if (done > 0)
        {
            logger.LogInformation("Rendered {Count} stories again for headings with links and tables of contents.", done);
            await freshness.EvictAsync(cache, [CacheTags.AllReaderPages], cancellationToken);
        }
        return done;
    }
}
