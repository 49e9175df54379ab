using Npgsql;

namespace NewsReader.Tests.Support;

/// <summary>
/// The PostgreSQL server named by NEWSREADER_TEST_POSTGRES (a connection string for a role that may
/// create databases); tests on PostgreSQL are skipped when it is not set. Each test site gets a new
/// database of its own, created by the site on its first start and dropped when the site is disposed.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "NEWSREADER_TEST_POSTGRES";

    public static string? ServerConnectionString =>
        System.Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsConfigured => ServerConnectionString is not null;

    public static string SkipReason => $"{Variable} is not set (a PostgreSQL connection string for a role that may create databases).";

    /// <summary>A connection string for a new, not yet created database with a unique name.</summary>
    public static string NewDatabase() => new NpgsqlConnectionStringBuilder(ServerConnectionString ?? throw new InvalidOperationException(SkipReason))
    {
        Database = "newsreader_test_" + Guid.NewGuid().ToString("N")[..16],
        // Test sites open and close many contexts, several sites at once; a small pool each keeps
        // the server under its connection limit.
        MaxPoolSize = 20,
    }.ToString();

    /// <summary>
    /// Drops the database of <paramref name="connectionString"/>, ending its sessions. A session the
    /// role may not end (an autovacuum worker on the new database) can hold it a moment; if it still
    /// does after a few tries, the database is left to the throwaway server.
    /// </summary>
    public static void DropDatabase(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var site = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(site);
        }
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = new NpgsqlConnection(server.ToString());
                connection.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                drop.ExecuteNonQuery();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                if (attempt == 5)
                {
                    return;
                }
                Thread.Sleep(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }
}
