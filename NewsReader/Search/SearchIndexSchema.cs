using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.Search;

/// <summary>
/// Keeps the search index's triggers in place. SQLite drops a table's triggers with the table, and
/// EF Core rebuilds a table (create, copy, drop, rename) for some later migrations of Stories; the
/// index would then silently stop following new stories. At start-up the triggers are checked and,
/// if any is missing, created again (the same statements as the AddArticleSearch migration) and the
/// index rebuilt.
/// </summary>
public sealed class SearchIndexSchema(IDbContextFactory<NewsDbContext> dbFactory, ILogger<SearchIndexSchema> logger)
{
    public static readonly IReadOnlyDictionary<string, string> Triggers = new Dictionary<string, string>
    {
        ["Articles_SearchInsert"] = """
            CREATE TRIGGER "Articles_SearchInsert" AFTER INSERT ON "Articles" BEGIN
                INSERT INTO "ArticleSearch"(rowid, "Title", "Summary", "Body") VALUES (new."Id", new."Title", new."Summary", new."Body");
            END
            """,
        ["Articles_SearchDelete"] = """
            CREATE TRIGGER "Articles_SearchDelete" AFTER DELETE ON "Articles" BEGIN
                INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "Title", "Summary", "Body") VALUES ('delete', old."Id", old."Title", old."Summary", old."Body");
            END
            """,
        ["Articles_SearchUpdate"] = """
            CREATE TRIGGER "Articles_SearchUpdate" AFTER UPDATE OF "Title", "Summary", "Body" ON "Articles" BEGIN
                INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "Title", "Summary", "Body") VALUES ('delete', old."Id", old."Title", old."Summary", old."Body");
                INSERT INTO "ArticleSearch"(rowid, "Title", "Summary", "Body") VALUES (new."Id", new."Title", new."Summary", new."Body");
            END
            """,
    };

    /// <summary>Creates missing triggers and rebuilds the index; returns whether anything was missing.</summary>
    public async Task<bool> RepairAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsSqlite())
        {
            return false;
        }
        var present = await db.Database
            .SqlQueryRaw<string>("""SELECT name AS "Value" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Articles'""")
            .ToListAsync(cancellationToken);
        var missing = Triggers.Keys.Except(present, StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return false;
        }

        logger.LogWarning("The search index triggers {Triggers} were missing; creating them and rebuilding the index.", missing);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var name in missing)
        {
            await db.Database.ExecuteSqlRawAsync(Triggers[name], cancellationToken);
        }
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('rebuild')""", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

/// <summary>Runs <see cref="SearchIndexSchema.RepairAsync"/> once the database is migrated (registered after DatabaseStartup).</summary>
public sealed class SearchIndexStartup(SearchIndexSchema schema) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => schema.RepairAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
