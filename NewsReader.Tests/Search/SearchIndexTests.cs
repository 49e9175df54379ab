using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Search;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Search;

public sealed class SearchIndexTests : IDisposable
{
    private readonly NewsSiteFactory _site = new();
    private readonly HttpClient _client;

    public SearchIndexTests()
    {
        _client = _site.CreateClient();
    }

    public void Dispose() => _site.Dispose();

    private async Task<NewsDbContext> DbAsync() =>
        await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();

    private static string Normalize(string sql) => Regex.Replace(sql, @"\s+", " ").Trim().TrimEnd(';');

    [Fact]
    public async Task TheRepairStatementsAreTheOnesTheMigrationCreated()
    {
        await using var db = await DbAsync();

        var triggers = await db.Database
            .SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Articles' ORDER BY name")
            .ToListAsync();

        Assert.Equal(SearchIndexSchema.Triggers.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => Normalize(t.Value)),
            triggers.Select(Normalize));
    }

    [Fact]
    public async Task LostTriggersAreRestoredAndTheIndexRebuilt()
    {
        await _site.AddStoryAsync("Viaduct before", slug: "before");
        await using (var db = await DbAsync())
        {
            await db.Database.ExecuteSqlRawAsync("""
                DROP TRIGGER "Articles_SearchInsert";
                DROP TRIGGER "Articles_SearchUpdate";
                DROP TRIGGER "Articles_SearchDelete";
                """);
        }
        await _site.AddStoryAsync("Viaduct while broken", slug: "while-broken");

        var repaired = await _site.GetService<SearchIndexSchema>().RepairAsync(CancellationToken.None);
        await _site.AddStoryAsync("Viaduct after", slug: "after");
        var page = await _client.GetDocumentAsync("/search?q=viaduct");

        Assert.True(repaired);
        Assert.Equal(["Viaduct after", "Viaduct before", "Viaduct while broken"],
            page.QuerySelectorAll(".search-result h2").Select(h => h.Text()).Order());
    }

    [Fact]
    public async Task NothingIsRepairedWhenTheTriggersAreInPlace()
    {
        var repaired = await _site.GetService<SearchIndexSchema>().RepairAsync(CancellationToken.None);

        Assert.False(repaired);
    }
}
