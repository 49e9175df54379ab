using System.Net;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Search;

/// <summary>One site with one story for every hostile input: these tests only read.</summary>
public class SearchHostileInputSite : NewsSiteFactory, IAsyncLifetime
{
    public HttpClient Client { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && !TestPostgres.IsConfigured)
        {
            return; // every test of the class is skipped
        }
        Client = CreateClient(new() { AllowAutoRedirect = false });
        await AddStoryAsync("Tram bridge opens", "The tram crosses the bridge.");
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public static class SearchHostileQueries
{
    public static TheoryData<string> All => new()
    {
        "\"", "\"\"", "\"unbalanced", "tram\"", "'", "%", "_", "*", "%_%", "tram*", "*tram", "\\", "\\\"",
        "NEAR(", "NEAR(tram bridge, 2)", "NEAR(\"a\" \"b\")", "tram OR bridge", "AND", "OR", "NOT tram", "-tram", "^tram",
        "Title:tram", "{Title Summary}: tram", "tram + bridge", "(tram", ")",
        "tram & bridge", "!tram", "tram:*", "tram <-> bridge", "tram | bridge", "tram:A", "''tram''", "'; DROP TABLE Articles; --",
        "<script>alert(1)</script>", "&lt;&amp;", "🚋😀", "👩‍👩‍👧", "東京の路面電車", "مرحبا بالعالم", "e\u0301", "\u0301",
        "\u200B\u200D", "\u0002tram\u0003", "\uFFFD", new string('a', 10_000), string.Join(' ', Enumerable.Repeat("tram", 2_500)),
        string.Concat(Enumerable.Repeat("東", 10_000)), string.Concat(Enumerable.Repeat("🚋", 5_000)),
        string.Concat(Enumerable.Repeat("\"NEAR(", 1_500)),
    };
}

public sealed class SearchHostileInputSiteOnPostgres : SearchHostileInputSite
{
    public SearchHostileInputSiteOnPostgres() => Provider = DatabaseProvider.Postgres;
}

public sealed class SearchHostileInputTestsOnSqlite(SearchHostileInputSite site) : SearchHostileInputTests<SearchHostileInputSite>(site);

public sealed class SearchHostileInputTestsOnPostgres(SearchHostileInputSiteOnPostgres site) : SearchHostileInputTests<SearchHostileInputSiteOnPostgres>(site);

public abstract class SearchHostileInputTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SearchHostileInputSite
{
    private readonly HttpClient _client = site.Client;

    [ProviderTheory]
    [MemberData(nameof(SearchHostileQueries.All), MemberType = typeof(SearchHostileQueries))]
    public async Task AnyInputGivesAReadablePageNeverAnError(string query)
    {
        var response = await _client.GetAsync("/search?q=" + Uri.EscapeDataString(query));
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.True(page.QuerySelector(".search-summary, .search-help") is not null, "the page says what happened");
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain("<script>alert(1)", html);
    }

    [ProviderTheory]
    [InlineData("/search?q=%FF%FE")]
    [InlineData("/search?q=%00tram")]
    [InlineData("/search?q=%E0%A4")]
    [InlineData("/search?q=tram&q=bridge")]
    [InlineData("/search?q=tram&page=abc")]
    [InlineData("/search?q=tram&page=-1")]
    public async Task MalformedEncodingsAndRepeatedParametersAreHandled(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [ProviderTheory]
    [InlineData("(tram)")]
    [InlineData("\"tram")]
    [InlineData("tram*")]
    [InlineData("-tram ^bridge")]
    public async Task WordsInsideSearchSyntaxAreLookedForAsWords(string query)
    {
        var page = await _client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));

        var titles = page.QuerySelectorAll(".search-result h2").Select(h => h.Text()).ToList();
        Assert.Equal(["Tram bridge opens"], titles);
    }

    [ProviderFact]
    public async Task OrIsAWordToLookForNotAnOperator()
    {
        var page = await _client.GetDocumentAsync("/search?q=bridge+OR+zeppelin");

        Assert.Empty(page.QuerySelectorAll(".search-result"));
    }
}
