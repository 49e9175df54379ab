using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.StoryFiles;

namespace NewsReader.Data;

/// <summary>Brings the database up to date before the site or a command uses it.</summary>
public sealed class DatabaseSetup(
    IDbContextFactory<NewsDbContext> dbFactory,
    StoryImporter importer,
    IOptions<NewsReaderOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseSetup> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.GetDbConnection().DataSource is { Length: > 0 } file && db.Database.IsSqlite())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        }
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a writer commits; the mode is stored in the file itself.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>On first start the sample stories are imported, so a new site has something to read.</summary>
    public async Task ImportSampleStoriesIfEmptyAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Articles.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        var folder = AppPaths.Resolve(environment.ContentRootPath, options.Value.ContentDirectory);
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("The database is empty and the content folder {Folder} does not exist; starting with no stories.", folder);
            return;
        }

        var report = await importer.ImportFolderAsync(folder, cancellationToken);
        logger.LogInformation("Imported the stories in {Folder}: {Summary}", folder, report.Summary);
    }
}

/// <summary>
/// Prepares the database when the host starts, before any hosted service or the server accepts a
/// request (StartingAsync runs ahead of every StartAsync). Doing it here rather than in Program.cs
/// also covers hosts built by WebApplicationFactory.
/// </summary>
public sealed class DatabaseStartup(DatabaseSetup setup) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await setup.MigrateAsync(cancellationToken);
        await setup.ImportSampleStoriesIfEmptyAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
