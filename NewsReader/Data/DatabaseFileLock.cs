using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Data;

/// <summary>
/// An exclusive lock between processes that share one SQLite database file: a lock file beside it
/// ("news.db.startup-lock"), held open with FileShare.None, which Linux enforces between processes
/// too. Work that must happen once however many sites start together (migrating, creating roles,
/// ranking a backlog) is done while holding it; the second process waits, then finds it done.
/// </summary>
/// <remarks>The lock file stays in place: deleting it on release would let two waiters lock two different files.</remarks>
public static class DatabaseFileLock
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
}
