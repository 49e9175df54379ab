using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Data;
using NewsReader.Stories;

namespace NewsReader.Tests.Support;

/// <summary>
/// The whole site on a temporary SQLite file, or on a new PostgreSQL database when
/// <see cref="Provider"/> says so. By default it starts with no stories (the content folder is
/// empty) so each test says exactly what readers should see.
/// </summary>
public class NewsSiteFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsreader-tests", Guid.NewGuid().ToString("N"));

    public NewsSiteFactory()
    {
        Directory.CreateDirectory(ContentDirectory);
    }

    public string DatabasePath => Path.Combine(_folder, "news.db");

    /// <summary>The database engine the site runs on; SQLite unless a test class says otherwise.</summary>
    public DatabaseProvider Provider { get; init; } = TestProviders.Default;

    private string? _postgresDatabase;

    /// <summary>The site's connection string: its SQLite file, or its own PostgreSQL database.</summary>
    public string ConnectionString => Provider == DatabaseProvider.Postgres
        ? _postgresDatabase ??= TestPostgres.NewDatabase()
        : $"Data Source={DatabasePath}";

    /// <summary>Story files imported on first start; empty unless a test writes into it first.</summary>
    public string ContentDirectory => Path.Combine(_folder, "articles");

    public string Environment { get; init; } = "Development";

    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>
    /// Tests run every request from one address and sign in, search and react far more often than a
    /// person would, so the per-address limits are lifted unless a test that checks them keeps them.
    /// </summary>
    public bool KeepAddressLimits { get; init; }

    private static readonly string[] AddressLimitKeys =
    [
        "NewsReader:Reactions:NewReadersPerAddressPerMinute",
        "NewsReader:Reactions:NewReadersPerAddressPerStoryPerMinute",
        "NewsReader:Limits:SignInPostsPerAddressPerMinute",
        "NewsReader:Limits:SearchesPerAddressPerMinute",
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:News", ConnectionString);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("NewsReader:ContentDirectory", ContentDirectory);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
        if (!KeepAddressLimits)
        {
            foreach (var key in AddressLimitKeys)
            {
                builder.UseSetting(key, "100000");
            }
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public T GetService<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>One number read with plain SQL from the site's database, whichever engine it is on.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var db = await GetService<Microsoft.EntityFrameworkCore.IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        var connection = Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(db.Database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Saves a story the way an import would, and announces the change; returns its id.</summary>
    public async Task<int> AddStoryAsync(
        string title,
        string body = "Some words for the body of this story.",
        DateTime? publishedAt = null,
        string[]? categories = null,
        string[]? tags = null,
        string? slug = null,
        string summary = "",
        string author = "Test Author",
        string? leadImage = null,
        bool draft = false,
        string[]? authors = null)
    {
        var result = await GetService<StoryWriter>().UpsertBySlugAsync(
            new StoryInput(title, slug, summary, authors ?? (author.Length == 0 ? [] : [author]), body, leadImage,
                draft ? null : publishedAt ?? new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc),
                categories ?? [], tags ?? []),
            CancellationToken.None);
        await GetService<StoryChanges>().NotifyAsync([result.StoryId], CancellationToken.None);
        return result.StoryId;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (_postgresDatabase is not null)
            {
                TestPostgres.DropDatabase(_postgresDatabase);
            }
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on some platform is left for the OS to clean up.
            }
        }
    }
}
