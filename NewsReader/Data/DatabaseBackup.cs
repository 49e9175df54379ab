using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Data;

public sealed record BackupResult(string? Error, string File = "", long Stories = 0, long Reactions = 0);

/// <summary>
/// A consistent copy of the database while the site keeps serving; on PostgreSQL a pg_dump
/// (<see cref="PostgresBackup"/>), on SQLite as follows. SQLite's online backup
/// API copies every page under one read transaction, so the copy is the database as of one moment
/// (WAL lets writers go on meanwhile). The copy is written next to the target and renamed into
/// place only once it passed an integrity check, so a failed backup never leaves a half file.
/// </summary>
public sealed class DatabaseBackup(IDbContextFactory<NewsDbContext> dbFactory)
{
    public async Task<BackupResult> BackupAsync(string file, bool overwrite, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(file);
        if (Directory.Exists(target))
        {
            return new BackupResult($"{target} is a folder; give the name of the backup file to write.");
        }
        if (File.Exists(target) && !overwrite)
        {
            return new BackupResult($"{target} already exists; add --overwrite to replace it, or choose another name.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            return await PostgresBackup.BackupAsync(db, target, cancellationToken);
        }
        if (db.Database.GetDbConnection() is not SqliteConnection source)
        {
            return new BackupResult("backup copies SQLite and PostgreSQL databases only; back up other databases with their own tools.");
        }
        if (!File.Exists(source.DataSource))
        {
            return new BackupResult($"there is no database at {source.DataSource} to back up.");
        }
        if (Path.GetFullPath(source.DataSource) == target)
        {
            return new BackupResult("the backup file is the database itself; choose another name.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = $"{target}.partial-{Guid.NewGuid():N}";
        try
        {
            await source.OpenAsync(cancellationToken);
            await using (var copy = new SqliteConnection($"Data Source={partial};Pooling=False"))
            {
                await copy.OpenAsync(cancellationToken);
                source.BackupDatabase(copy);
                var integrity = (string?)await ScalarAsync(copy, "PRAGMA integrity_check", cancellationToken);
                if (integrity != "ok")
                {
                    return new BackupResult($"the copy failed its integrity check ({integrity}); nothing was written to {target}.");
                }
                var stories = (long)(await ScalarAsync(copy, "SELECT COUNT(*) FROM Articles", cancellationToken))!;
                var reactions = (long)(await ScalarAsync(copy, "SELECT COUNT(*) FROM Reactions", cancellationToken))!;
                // The copy keeps the source's WAL mode; one file is easier to move, copy and restore.
                await ScalarAsync(copy, "PRAGMA journal_mode=DELETE", cancellationToken);
                await copy.CloseAsync();
                File.Move(partial, target, overwrite);
                return new BackupResult(null, target, stories, reactions);
            }
        }
        finally
        {
            File.Delete(partial);
            File.Delete(partial + "-wal");
            File.Delete(partial + "-shm");
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
