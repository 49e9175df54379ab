using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Search;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Search;

/// <summary>
/// A word in more stories than search ranks: the newest matches are ranked, counted and paged, and
/// the reader is told so; an older story, however good a match, is not among them.
/// </summary>
public abstract class SearchCommonWordTests(DatabaseProvider provider) : IDisposable
{
    private readonly NewsSiteFactory _site = new() { Provider = provider };

    public void Dispose() => _site.Dispose();

    [ProviderFact]
    public async Task AWordInMoreStoriesThanAreRankedShowsTheBestOfTheNewestAndSaysSo()
    {
        var count = SearchService.RankedMatchLimit + 10;
        await using (var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync())
        {
            // Rows written directly (the search index follows through its triggers): saving a
            // thousand stories one by one through the site would take most of a minute.
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = 1; i <= count; i++)
            {
                // The ten oldest have the word in their title, which bm25 ranks highest.
                var title = i <= 10 ? $"Tramline tramline story {i}" : $"Story {i}";
                // SQLite keeps times and versions as text in EF Core's formats; PostgreSQL takes the values.
                var time = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i);
                object date = provider == DatabaseProvider.Sqlite ? time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) : time;
                object version = provider == DatabaseProvider.Sqlite ? Guid.NewGuid().ToString().ToUpperInvariant() : Guid.NewGuid();
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Articles" ("Title", "Slug", "Summary", "Body", "BodyHtml", "WordCount", "CjkCharacterCount",
                        "ImageCount", "CreatedAt", "UpdatedAt", "PublishedAt", "Version", "Correction", "CorrectionHtml")
                    VALUES ({title}, {"story-" + i}, '', 'The tramline runs past the depot.', '<p>The tramline runs past the depot.</p>',
                        7, 0, 0, {date}, {date}, {date}, {version}, '', '')
                    """);
            }
            await transaction.CommitAsync();
        }
        var client = _site.CreateClient();

        var first = await client.GetDocumentAsync("/search?q=tramline");
        var last = await client.GetAsync($"/search?q=tramline&page={SearchService.RankedMatchLimit / SearchService.PageSize}");
        var past = await client.GetAsync($"/search?q=tramline&page={SearchService.RankedMatchLimit / SearchService.PageSize + 1}");

        Assert.StartsWith("More than 1,000 stories match", first.QuerySelector(".search-summary")!.Text());
        var titles = first.QuerySelectorAll(".search-result-title").Select(t => t.Text()).ToList();
        Assert.Equal(SearchService.PageSize, titles.Count);
        Assert.DoesNotContain(titles, t => t.StartsWith("Tramline", StringComparison.Ordinal));
        Assert.Equal($"Story {count}", titles[0]);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
    }
}

public sealed class SearchCommonWordTestsOnSqlite() : SearchCommonWordTests(DatabaseProvider.Sqlite);

public sealed class SearchCommonWordTestsOnPostgres() : SearchCommonWordTests(DatabaseProvider.Postgres);
