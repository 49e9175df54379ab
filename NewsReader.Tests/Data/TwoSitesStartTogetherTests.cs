using System.Net;
using Microsoft.Data.Sqlite;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Data;

/// <summary>
/// Two site processes started at the same moment on one new database (two instances behind a load
/// balancer, or a restart overlapping the old process): both come up, and the first-run work —
/// migrations, the sample stories, the roles, the configured admin — happens once.
/// </summary>
public sealed class TwoSitesStartTogetherTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsreader-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task BothComeUpAndTheFirstRunWorkHappensOnce()
    {
        var content = Path.Combine(_folder, "articles");
        Directory.CreateDirectory(content);
        File.WriteAllText(Path.Combine(content, "sample.md"), "---\ntitle: Sample\npublished: 2026-01-01T09:00:00Z\n---\nBody.\n");
        var database = Path.Combine(_folder, "news.db");
        var options = new AppProcess.Options(database)
        {
            Environment =
            {
                ["NewsReader__ContentDirectory"] = content,
                ["NewsReader__Admin__Email"] = "chief@example.org",
                ["NewsReader__Admin__Password"] = "Chief-password-1",
            },
        };

        var starting = new[] { StartAsync(options), StartAsync(options) };
        var results = await Task.WhenAll(starting);
        await using var first = results[0].Site;
        await using var second = results[1].Site;

        Assert.True(first is not null && second is not null,
            "a site did not come up: " + string.Join(" | ", results.Select(r => r.Failure).OfType<string>()));
        using var http = new HttpClient();
        foreach (var site in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(site.Address, "/healthz"))).StatusCode);
        }
        await using var db = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await db.OpenAsync();
        Assert.Equal(1L, await ScalarAsync(db, "SELECT COUNT(*) FROM Articles"));
        Assert.Equal(3L, await ScalarAsync(db, "SELECT COUNT(*) FROM AspNetRoles"));
        Assert.Equal(1L, await ScalarAsync(db, "SELECT COUNT(*) FROM AspNetUsers"));
    }

    private static async Task<(RunningSite? Site, string? Failure)> StartAsync(AppProcess.Options options)
    {
        try
        {
            return (await AppProcess.StartSiteAsync(options), null);
        }
        catch (InvalidOperationException ex)
        {
            return (null, ex.Message);
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
