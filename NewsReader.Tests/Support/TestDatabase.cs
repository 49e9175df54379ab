using Microsoft.Data.Sqlite;

namespace NewsReader.Tests.Support;

/// <summary>A temporary folder for a database file that a test reads and changes with plain SQL.</summary>
public sealed class TestDatabase : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("newsreader-db-").FullName;

    public string Path => System.IO.Path.Combine(Folder, "news.db");

    /// <summary>A published story with the slug "harbour", imported by the real executable.</summary>
    public async Task AddStoryAsync(string slug = "harbour")
    {
        var files = Directory.CreateDirectory(System.IO.Path.Combine(Folder, "stories-" + slug)).FullName;
        File.WriteAllText(System.IO.Path.Combine(files, slug + ".md"),
            $"---\ntitle: Harbour story {slug}\nslug: {slug}\npublished: 2026-01-01T09:00:00Z\ncategories: [City]\n---\nThe harbour opens.\n");
        var result = await AppProcess.RunAsync(Path, "import", files);
        Assert.True(result.ExitCode == 0, result.Errors);
    }

    public static async Task<long> ScalarAsync(string databasePath, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<string> IntegrityAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string databasePath, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
