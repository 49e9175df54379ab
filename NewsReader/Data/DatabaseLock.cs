using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace NewsReader.Data;

/// <summary>
/// An exclusive lock between processes that share one database. Work that must happen once however
/// many sites start together (migrating, creating roles, ranking a backlog) is done while holding
/// it; the second process waits, then finds it done. On SQLite it is a lock file beside the
/// database ("news.db.startup-lock"), held open with FileShare.None, which Linux enforces between
/// processes too; on PostgreSQL a session advisory lock, which the server releases if the holder dies.
/// </summary>
/// <remarks>The lock file stays in place: deleting it on release would let two waiters lock two different files.</remarks>
public static class DatabaseLock
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Waits for and takes the lock named <paramref name="name"/> for the database behind
    /// <paramref name="dbFactory"/>; null when the database is not a file (in memory), where no
    /// other process can share it. <paramref name="waiting"/> is called once if another holds it.
    /// </summary>
    public static async Task<IDisposable?> AcquireAsync(
        IDbContextFactory<NewsDbContext> dbFactory, string name, Action waiting, CancellationToken cancellationToken)
    {
        string? path;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (db.Database.IsNpgsql())
            {
                await CreateDatabaseIfMissingAsync(db, cancellationToken);
                return await AdvisoryLock.AcquireAsync(db.Database.GetConnectionString()!, name, waiting, cancellationToken);
            }
            var dataSource = db.Database.IsSqlite()
                ? new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource
                : null;
            path = string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal)
                ? null
                : $"{Path.GetFullPath(dataSource)}.{name}-lock";
        }
        if (path is null)
        {
            return null;
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The database's own checks say what is wrong with its folder, in words; without a
            // folder there is nothing to share either.
            return null;
        }
        var waited = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (UnauthorizedAccessException)
            {
                // A read-only folder: the database's own checks report it.
                return null;
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!waited)
                {
                    waiting();
                    waited = true;
                }
                await Task.Delay(Retry, cancellationToken);
            }
        }
    }

    /// <summary>
    /// An advisory lock lives inside a database, so the database must exist before one is taken;
    /// two sites creating it at once: one wins, the other is told it exists.
    /// </summary>
    private static async Task CreateDatabaseIfMissingAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
        }
    }

    private sealed class AdvisoryLock(NpgsqlConnection connection, string name) : IDisposable
    {
        public static async Task<IDisposable?> AcquireAsync(string connectionString, string name, Action waiting, CancellationToken cancellationToken)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtext(@name))", connection);
                tryLock.Parameters.AddWithValue("name", Key(name));
                if (await tryLock.ExecuteScalarAsync(cancellationToken) is not true)
                {
                    waiting();
                    await using var wait = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext(@name))", connection) { CommandTimeout = 0 };
                    wait.Parameters.AddWithValue("name", Key(name));
                    await wait.ExecuteNonQueryAsync(cancellationToken);
                }
                return new AdvisoryLock(connection, name);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        private static string Key(string name) => "newsreader:" + name;

        public void Dispose()
        {
            try
            {
                using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext(@name))", connection);
                unlock.Parameters.AddWithValue("name", Key(name));
                unlock.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The connection is gone; the server released the lock with the session.
            }
            connection.Dispose();
        }
    }
}
