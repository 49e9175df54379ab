using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Data;

/// <summary>A site that had reactions before the counts table existed keeps every one of them in its counts.</summary>
public sealed class ReactionCountsMigrationTests : IDisposable
{
    private const string MigrationBeforeCounts = "20261129125246_MediaLibrary";
    private static readonly string[] StorySlugs = ["harbour", "tram", "quiet"];

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private NewsDbContext Open() =>
        new(new DbContextOptionsBuilder<NewsDbContext>().UseSqlite($"Data Source={_database.Path};Pooling=False").Options);

    /// <summary>
    /// The database as it was before the counts, with published stories (ids 1, 2, …) inserted as
    /// that schema had them: in SQL, because today's model has columns that schema has not.
    /// </summary>
    private async Task MigrateBeforeCountsWithStoriesAsync(IReadOnlyList<string> slugs, string? title = null)
    {
        await using (var db = Open())
        {
            await db.GetService<IMigrator>().MigrateAsync(MigrationBeforeCounts);
        }
        var rows = slugs.Select((slug, i) =>
            $"({i + 1}, '{title ?? slug}', '{slug}', '', '', '', '', 0, 0, 0, '2026-01-01 09:00:00', '2026-01-01 09:00:00', '2026-01-01 09:00:00', '{Guid.NewGuid().ToString().ToUpperInvariant()}')");
        await TestDatabase.ExecuteAsync(_database.Path,
            "INSERT INTO Articles (Id, Title, Slug, Summary, Author, Body, BodyHtml, WordCount, CjkCharacterCount, ImageCount, CreatedAt, UpdatedAt, PublishedAt, Version) VALUES "
            + string.Join(", ", rows));
    }

    [Fact]
    public async Task TheMigrationFillsTheCountsFromTheReactionsAlreadyStored()
    {
        await MigrateBeforeCountsWithStoriesAsync(StorySlugs);
        var (harbour, tram, quiet) = (1, 2, 3);
        // Rows as the old writer left them: 5 happy and 2 angry on one story, 1 sad on another, none on the third.
        var rows = new[] { (harbour, 1, 5), (harbour, 5, 2), (tram, 2, 1) };
        var values = rows.SelectMany(r => Enumerable.Range(0, r.Item3).Select(i => $"({r.Item1}, 'reader-{r.Item1}-{r.Item2}-{i}', {r.Item2}, '2026-01-02 10:00:00')"));
        await TestDatabase.ExecuteAsync(_database.Path,
            $"INSERT INTO Reactions (ArticleId, ReaderId, Kind, ReactedAt) VALUES {string.Join(", ", values)}");

        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
            var counts = await db.ReactionCounts.OrderBy(c => c.StoryId).ThenBy(c => c.Kind)
                .Select(c => new { c.StoryId, c.Kind, c.Count }).ToListAsync();

            Assert.Equal(
                [new { StoryId = harbour, Kind = ReactionKind.Happy, Count = 5 }, new { StoryId = harbour, Kind = ReactionKind.Angry, Count = 2 },
                 new { StoryId = tram, Kind = ReactionKind.Sad, Count = 1 }],
                counts);
            Assert.DoesNotContain(counts, c => c.StoryId == quiet);
        }
    }

    [Fact]
    public async Task ASiteStartedOnTheMigratedDatabaseShowsAndChangesTheBackFilledCounts()
    {
        await MigrateBeforeCountsWithStoriesAsync(["harbour"], title: "Harbour");
        var values = Enumerable.Range(0, 3).Select(i => $"(1, 'old-reader-{i}', 3, '2026-01-02 10:00:00')");
        await TestDatabase.ExecuteAsync(_database.Path,
            $"INSERT INTO Reactions (ArticleId, ReaderId, Kind, ReactedAt) VALUES {string.Join(", ", values)}");

        await using var site = await AppProcess.StartSiteAsync(new AppProcess.Options(_database.Path));
        using var readers = new ReaderClients(site.Address);
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, await readers.ReactAsync(0, "harbour", "excited"));

        Assert.Equal(4, await TestDatabase.ScalarAsync(_database.Path, "SELECT Count FROM ReactionCounts WHERE ArticleId = 1 AND Kind = 3"));
        using var client = new HttpClient();
        var page = await client.GetStringAsync(new Uri(site.Address, "/articles/harbour"));
        Assert.Contains("4 responses", page);
    }
}
