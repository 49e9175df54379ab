using System.Net;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Search;

/// <summary>Search costs CPU on every query the cache cannot answer: it is limited per address and in words.</summary>
public abstract class SearchLimitTests(DatabaseProvider provider) : IDisposable
{
    private readonly NewsSiteFactory _site = new() { Provider = provider, KeepAddressLimits = true };

    public void Dispose() => _site.Dispose();

    private HttpClient ClientFrom(string address) =>
        TestClientAddress.From(_site.CreateClient(new() { AllowAutoRedirect = false }), address);

    [ProviderFact]
    public async Task ThirtySearchesAMinuteFromOneAddressThenAReadablePageWith429()
    {
        await _site.AddStoryAsync("Tram bridge opens", "The tram crosses the bridge.");
        var client = ClientFrom("203.0.113.40");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add((await client.GetAsync($"/search?q=tram+word{i}")).StatusCode);
        }
        var refused = await client.GetAsync("/search?q=bridge+again");
        var otherAddress = await ClientFrom("203.0.113.41").GetAsync("/search?q=bridge+again");
        var searchPageWithoutQuery = await client.GetAsync("/search");
        var storyPage = await client.GetAsync("/");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        Assert.StartsWith("text/html", refused.Content.Headers.ContentType?.ToString());
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Too many searches", page.QuerySelector("h1").Text());
        Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, searchPageWithoutQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, storyPage.StatusCode);
    }

    [ProviderFact]
    public async Task OnlyTheFirstEightWordsAreSearchedAndThePageSaysSo()
    {
        await _site.AddStoryAsync("Tram bridge opens", "one two three four five six seven eight");
        var client = ClientFrom("203.0.113.42");

        var page = await client.GetDocumentAsync("/search?q=one+two+three+four+five+six+seven+eight+nine+ten");
        var eight = await client.GetDocumentAsync("/search?q=one+two+three+four+five+six+seven+eight");

        // "nine" and "ten" are in no story: had they been searched, nothing would match.
        Assert.Equal(["Tram bridge opens"], page.QuerySelectorAll(".search-result h2").Select(h => h.Text()));
        Assert.Equal("Only the first 8 words were searched: one two three four five six seven eight.",
            page.QuerySelector(".search-words-cut").Text());
        Assert.Null(eight.QuerySelector(".search-words-cut"));
    }
}

public sealed class SearchLimitTestsOnSqlite() : SearchLimitTests(DatabaseProvider.Sqlite);

public sealed class SearchLimitTestsOnPostgres() : SearchLimitTests(DatabaseProvider.Postgres);
