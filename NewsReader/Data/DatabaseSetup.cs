using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsReader.StoryFiles;

namespace NewsReader.Data;

/// <summary>The database cannot be used at all (corrupt, read-only, not a file): said in words for the operator.</summary>
public sealed class DatabaseUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Brings the database up to date before the site or a command uses it.</summary>
public sealed class DatabaseSetup(
    IDbContextFactory<NewsDbContext> dbFactory,
    StoryImporter importer,
    IOptions<NewsReaderOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<DatabaseSetup> logger)
{
    // A migrator that is really running holds EF's lock row for a second or two on SQLite; a row
    // still there after this long was left by a process that died while migrating.
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);

    // The site and a command (or the hosted service and Program) may both ask; the work is done once.
    private Task? _preparing;
    private readonly Lock _preparingLock = new();

    /// <summary>
    /// How long a write waits for another writer before giving up with SQLITE_BUSY. Microsoft.Data.Sqlite
    /// waits 30 s by default, which leaves requests hanging; 5 s covers any normal write, after which
    /// the site answers "try again" (Web/DatabaseBusyResponses). A timeout in the connection string wins.
    /// </summary>
    public static string WithBusyTimeout(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal)
                is var k && (k.Equals("DefaultTimeout", StringComparison.OrdinalIgnoreCase) || k.Equals("CommandTimeout", StringComparison.OrdinalIgnoreCase))))
        {
            return connectionString;
        }
        return new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 5 }.ToString();
    }

    /// <summary>Migrates, and imports the sample stories into a database it has just created. Done once per process.</summary>
    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        lock (_preparingLock)
        {
            return _preparing ??= PrepareOnceAsync(cancellationToken);
        }
    }

    private async Task PrepareOnceAsync(CancellationToken cancellationToken)
    {
        // Two sites started together on a new database: one migrates and imports the samples, the
        // other waits and then finds both done.
        using var startup = await LockStartupAsync(cancellationToken);
        if (await MigrateUnlockedAsync(cancellationToken))
        {
            await ImportSampleStoriesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Applies pending migrations; true when the database had none applied before (it was just
    /// created). Throws <see cref="DatabaseUnavailableException"/> when the file cannot be used.
    /// </summary>
    public async Task<bool> MigrateAsync(CancellationToken cancellationToken)
    {
        using var startup = await LockStartupAsync(cancellationToken);
        return await MigrateUnlockedAsync(cancellationToken);
    }

    /// <summary>The lock every process takes for its first-run work on this database (see <see cref="DatabaseLock"/>).</summary>
    public Task<IDisposable?> LockStartupAsync(CancellationToken cancellationToken) =>
        DatabaseLock.AcquireAsync(dbFactory, "startup",
            () => logger.LogInformation("Another process is preparing this database; waiting for it."), cancellationToken);

    private async Task<bool> MigrateUnlockedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            return await MigratePostgresAsync(db, cancellationToken);
        }
        var file = db.Database.GetDbConnection().DataSource;
        try
        {
            if (file is { Length: > 0 })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            }
            // Opened and read once outside EF, whose error log would add a stack of lines to the one
            // line that says what is wrong with a file that cannot be opened or is not a database.
            await using (var check = new SqliteConnection(db.Database.GetConnectionString()))
            {
                await check.OpenAsync(cancellationToken);
                await ScalarAsync(check, "SELECT COUNT(*) FROM sqlite_master", cancellationToken);
            }
            await db.Database.OpenConnectionAsync(cancellationToken);
            var created = !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
            // EF takes its migration lock even when there is nothing to do, and waits for a stale
            // lock row without end; so it is asked only when there is work.
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await RemoveStaleLockAsync(db.Database.GetDbConnection(), cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
            if (created)
            {
                // Related-story data stored in a new database is all made by this build's ranking; without
                // the mark, a database seeded before the site first starts looked like an older one's and
                // had every story ranked again.
                await ExecuteAsync(db.Database.GetDbConnection(), MarkRankingVersion("INSERT OR IGNORE", ""), cancellationToken);
            }
            // WAL lets readers go on while a writer commits; the mode is stored in the file itself.
            await ExecuteAsync(db.Database.GetDbConnection(), "PRAGMA journal_mode=WAL;", cancellationToken);
            await ProbeWriteAsync(db.Database.GetDbConnection(), cancellationToken);
            return created;
        }
        catch (SqliteException ex) when (Describe(ex, file) is { } problem)
        {
            throw new DatabaseUnavailableException(problem, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseUnavailableException($"The folder of the database file {file} could not be created: {ex.Message}", ex);
        }
    }

    private static string MarkRankingVersion(string insert, string onConflict) =>
        $"""{insert} INTO "TermStats" ("Term", "Documents") VALUES ('{Related.RelatedStoriesUpdater.VersionTerm}', {Related.RelatedStoriesUpdater.RankingVersion}){onConflict};""";

    /// <summary>
    /// PostgreSQL: the server keeps its own files and journal, so only the migrations and the new
    /// database's ranking mark are left to do. The database is created by the startup lock if missing.
    /// </summary>
    private static async Task<bool> MigratePostgresAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            var created = !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
            await db.Database.MigrateAsync(cancellationToken);
            if (created)
            {
                await db.Database.ExecuteSqlRawAsync(MarkRankingVersion("INSERT", " ON CONFLICT DO NOTHING"), cancellationToken);
            }
            return created;
        }
        catch (Npgsql.NpgsqlException ex)
        {
            var server = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
            throw new DatabaseUnavailableException(
                $"The PostgreSQL database {server.Database} on {server.Host}:{server.Port} could not be used: {ex.Message} "
                + "Check ConnectionStrings:News and that the server is running and lets this user in.", ex);
        }
    }

    private static string? Describe(SqliteException ex, string file) => ex.SqliteErrorCode switch
    {
        26 or 11 => $"The database file {file} is not a usable SQLite database (it is corrupt or another kind of file); restore it from a backup or move it away to start with a new one.",
        8 => $"The database file {file} is read-only; the site needs to write to it (check the file's permissions and attributes, and the connection string's Mode).",
        14 or 3 or 23 => $"The database file {file} could not be opened ({ex.Message}); check that the path names a file in a folder the site may write to.",
        10 or 13 => $"The database file {file} could not be written ({ex.Message}).",
        _ => null,
    };

    /// <summary>
    /// A read-only file opens and reads fine; only a write says so. An UPDATE that matches no row
    /// starts a write and changes nothing (BEGIN IMMEDIATE does not do: SQLite grants it on a
    /// read-only file in WAL mode).
    /// </summary>
    private static async Task ProbeWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(connection, "UPDATE __EFMigrationsHistory SET ProductVersion = ProductVersion WHERE 0;", cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            // Another writer holds the lock right now: the file is writable.
        }
    }

    private async Task RemoveStaleLockAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        const string exists = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
        if (Convert.ToInt64(await ScalarAsync(connection, exists, cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        var deadline = clock.GetUtcNow() + LockWait;
        object? takenAt;
        while ((takenAt = await ScalarAsync(connection, "SELECT Timestamp FROM __EFMigrationsLock", cancellationToken)) is not null)
        {
            if (clock.GetUtcNow() >= deadline)
            {
                logger.LogWarning(
                    "Removing a stale migration lock (taken at {TakenAt}): a migration was stopped before it finished. Migrating now.", takenAt);
                await ExecuteAsync(connection, "DELETE FROM __EFMigrationsLock", cancellationToken);
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), clock, cancellationToken);
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The sample stories go into a new database only: after editors delete every story, the next
    /// start must not bring the samples back.
    /// </summary>
    public async Task ImportSampleStoriesAsync(CancellationToken cancellationToken)
    {
        var folder = AppPaths.Resolve(environment.ContentRootPath, options.Value.ContentDirectory);
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("The database is new and the content folder {Folder} does not exist; starting with no stories.", folder);
            return;
        }

        var report = await importer.ImportFolderAsync(folder, cancellationToken);
        logger.LogInformation("Imported the stories in {Folder}: {Summary}", folder, report.Summary);
    }
}

/// <summary>
/// Prepares the database when the host starts, before any hosted service or the server accepts a
/// request (StartingAsync runs ahead of every StartAsync). Doing it here rather than in Program.cs
/// also covers hosts built by WebApplicationFactory; Program.cs prepares first, so that a database
/// that cannot be used ends the process with one clear line.
/// </summary>
public sealed class DatabaseStartup(DatabaseSetup setup) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => setup.PrepareAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
