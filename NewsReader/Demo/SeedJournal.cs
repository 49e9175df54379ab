using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace NewsReader.Demo;

/// <summary>
/// Switches a database from its write-ahead log to a rollback journal for a large seed, and back.
/// Stories are big rows (about 7 KB with their HTML), so a million of them is some 7 GB; through
/// the WAL every byte is written twice (to the log, then to the database at each checkpoint) and
/// the seed waited on the disk. A rollback journal keeps copies of changed pages only, and pages
/// appended at the end of the file are not copied at all. The site sets WAL again when it starts,
/// so a seed stopped half-way leaves nothing to repair by hand.
/// </summary>
internal static class SeedJournal
{
    /// <summary>Leaves WAL if no other connection has the database open; false if it stays in WAL.</summary>
    public static async Task<bool> TryLeaveWalAsync(DbConnection connection, ILogger logger, CancellationToken cancellationToken)
    {
        // Idle connections of this process's pool would also count as others.
        SqliteConnection.ClearAllPools();
        try
        {
            var mode = await ScalarAsync(connection, "PRAGMA journal_mode=DELETE", cancellationToken);
            return string.Equals(mode, "delete", StringComparison.OrdinalIgnoreCase);
        }
        catch (SqliteException ex)
        {
            logger.LogInformation("The database is in use elsewhere, so the seed writes through its WAL ({Message}).", ex.Message);
            return false;
        }
    }

    public static async Task RestoreWalAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        SqliteConnection.ClearAllPools();
        await ScalarAsync(connection, "PRAGMA journal_mode=WAL", cancellationToken);
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(cancellationToken))?.ToString();
    }
}
