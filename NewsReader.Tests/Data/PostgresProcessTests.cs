using System.Net;
using Npgsql;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Data;

/// <summary>The real executable on PostgreSQL: instances starting together on a new database, and backup.</summary>
public sealed class PostgresProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsreader-pg-").FullName;
    private readonly string? _database = TestPostgres.IsConfigured ? TestPostgres.NewDatabase() : null;

    public void Dispose()
    {
        if (_database is not null)
        {
            TestPostgres.DropDatabase(_database);
        }
        Directory.Delete(_folder, recursive: true);
    }

    private AppProcess.Options Options(string content) => new(Path.Combine(_folder, "unused.db"))
    {
        ConnectionString = _database,
        Timeout = TimeSpan.FromSeconds(90),
        Environment =
        {
            ["Database__Provider"] = "Postgres",
            ["NewsReader__ContentDirectory"] = content,
            ["NewsReader__Admin__Email"] = "chief@example.org",
            ["NewsReader__Admin__Password"] = "Chief-password-1",
        },
    };

    private string SampleStories()
    {
        var content = Directory.CreateDirectory(Path.Combine(_folder, "articles")).FullName;
        File.WriteAllText(Path.Combine(content, "harbour.md"),
            "---\ntitle: Harbour opens\nslug: harbour\npublished: 2026-01-01T09:00:00Z\ncategories: [City]\n---\nThe harbour opens.\n");
        File.WriteAllText(Path.Combine(content, "tram.md"),
            "---\ntitle: Tram line opens\nslug: tram\npublished: 2026-01-02T09:00:00Z\ncategories: [City]\n---\nThe tram runs.\n");
        return content;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [PostgresFact]
    public async Task TwoInstancesStartedTogetherOnANewDatabaseBothComeUpAndTheFirstRunWorkHappensOnce()
    {
        var options = Options(SampleStories());

        var sites = await Task.WhenAll(AppProcess.StartSiteAsync(options), AppProcess.StartSiteAsync(options));
        await using var first = sites[0];
        await using var second = sites[1];

        using var http = new HttpClient();
        foreach (var site in sites)
        {
            var home = await http.GetStringAsync(site.Address);
            Assert.Contains("Harbour opens", home);
            Assert.Contains("Tram line opens", home);
        }
        Assert.Equal(2, await ScalarAsync("""SELECT COUNT(*) FROM "Articles" """));
        Assert.Equal(3, await ScalarAsync("""SELECT COUNT(*) FROM "AspNetRoles" """));
        Assert.Equal(1, await ScalarAsync("""SELECT COUNT(*) FROM "AspNetUsers" """));
        Assert.Equal(1, await ScalarAsync("""SELECT COUNT(*) FROM "__EFMigrationsHistory" """));
    }

    [PostgresFact]
    public async Task BackupWritesAPgDumpOfTheWholeDatabaseThatRestoresIntoANewOne()
    {
        var options = Options(SampleStories());
        options.Environment["NewsReader__Reactions__PerAddressPerMinute"] = "100000";
        await using (var site = await AppProcess.StartSiteAsync(options))
        {
            using var readers = new ReaderClients(site.Address);
            for (var reader = 0; reader < 5; reader++)
            {
                Assert.Equal(HttpStatusCode.SeeOther, await readers.ReactAsync(reader, "harbour"));
            }
        }
        var file = Path.Combine(_folder, "backups", "news.dump");

        var backup = await AppProcess.RunAsync(options, "backup", file);

        Assert.True(backup.ExitCode == 0, backup.Errors + backup.Output);
        Assert.Contains("backed up", backup.Output);
        Assert.Equal("PGDMP"u8.ToArray(), File.ReadAllBytes(file)[..5]);

        // pg_restore into a new, empty database, and the site started on it shows the same story and reactions.
        var restored = TestPostgres.NewDatabase();
        try
        {
            var server = new NpgsqlConnectionStringBuilder(restored);
            await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(restored) { Database = "postgres" }.ToString()))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{server.Database}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
            var restore = await RunPgRestoreAsync(server, file);
            Assert.True(restore.ExitCode == 0, restore.Errors);
            await using var site = await AppProcess.StartSiteAsync(options with { ConnectionString = restored });
            var page = await new HttpClient().GetStringAsync(new Uri(site.Address, "/articles/harbour"));
            Assert.Contains("Harbour opens", page);
            Assert.Contains("5 responses", page);
        }
        finally
        {
            TestPostgres.DropDatabase(restored);
        }
    }

    private static async Task<AppProcess.Result> RunPgRestoreAsync(NpgsqlConnectionStringBuilder server, string file)
    {
        var start = new System.Diagnostics.ProcessStartInfo("pg_restore")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            ArgumentList = { "--no-owner", "--dbname", server.Database!, file },
        };
        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = server.Username;
        start.Environment["PGPASSWORD"] = server.Password;
        using var process = System.Diagnostics.Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new AppProcess.Result(process.ExitCode, await output, await errors);
    }
}
