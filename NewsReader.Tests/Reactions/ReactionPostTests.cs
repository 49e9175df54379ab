using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Reactions;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Reactions;

public abstract class ReactionPostTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Slug = "tram-line-4-opens";
    private const string Site = "http://localhost";

    private readonly NewsSiteFactory _site = new() { Provider = provider };

    public async Task InitializeAsync() =>
        await _site.AddStoryAsync("Tram line 4 opens", slug: Slug, publishedAt: new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc));

    public Task DisposeAsync()
    {
        _site.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A reader with a browser of their own: their cookies are kept between requests.</summary>
    private HttpClient NewReader() => _site.CreateClient(new() { AllowAutoRedirect = false });

    private static Task<HttpResponseMessage> ReactAsync(
        HttpClient reader, string kind, string? origin = Site, string? fetchSite = "same-origin", string slug = Slug)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/articles/{slug}/reactions")
        {
            Content = new FormUrlEncodedContent([new("kind", kind)]),
        };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return reader.SendAsync(request);
    }

    private async Task<List<ReactionKind>> StoredReactionsAsync()
    {
        await using var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        return await db.Reactions.Select(r => r.Kind).ToListAsync();
    }

    [ProviderFact]
    public async Task AReactionIsSetAndTheReaderIsSentBackToTheBlockWithAProtectedCookie()
    {
        var reader = NewReader();

        var response = await ReactAsync(reader, "happy");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/articles/{Slug}#reactions", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(ReaderIdCookie.CookieName + "=", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.DoesNotContain("secure", cookie); // the test site is plain http
        Assert.Equal([ReactionKind.Happy], await StoredReactionsAsync());

        var page = await reader.GetDocumentAsync($"/articles/{Slug}");
        Assert.Equal("1 response", page.QuerySelector("#reactions .reaction-total").Text());
        Assert.Equal("true", page.QuerySelector("button[value=happy]")!.GetAttribute("aria-pressed"));
        Assert.Equal("Happy 1 100%", page.QuerySelector("button[value=happy]")!.AccessibleName());

        var someoneElse = await NewReader().GetDocumentAsync($"/articles/{Slug}");
        Assert.Equal("false", someoneElse.QuerySelector("button[value=happy]")!.GetAttribute("aria-pressed"));
        Assert.Equal("1 response", someoneElse.QuerySelector("#reactions .reaction-total").Text());
    }

    [ProviderFact]
    public async Task AnotherButtonMovesTheReadersReaction()
    {
        var reader = NewReader();

        await ReactAsync(reader, "happy");
        var response = await ReactAsync(reader, "sad");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie")); // the reader already has one
        Assert.Equal([ReactionKind.Sad], await StoredReactionsAsync());
        var page = await reader.GetDocumentAsync($"/articles/{Slug}");
        Assert.Equal(["sad"], page.QuerySelectorAll("button[aria-pressed=true]").Select(b => b.GetAttribute("value")));
    }

    [ProviderFact]
    public async Task TheSameButtonAgainWithdrawsTheReaction()
    {
        var reader = NewReader();

        await ReactAsync(reader, "excited");
        await ReactAsync(reader, "excited");

        Assert.Empty(await StoredReactionsAsync());
        var page = await reader.GetDocumentAsync($"/articles/{Slug}");
        Assert.Empty(page.QuerySelectorAll("button[aria-pressed=true]"));
        Assert.Equal("No responses yet", page.QuerySelector("#reactions .reaction-total").Text());
    }

    [ProviderTheory]
    [InlineData("love")]
    [InlineData("Happy")]
    [InlineData("")]
    public async Task AnUnknownKindIsABadRequestAndChangesNothing(string kind)
    {
        var response = await ReactAsync(NewReader(), kind);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Empty(await StoredReactionsAsync());
    }

    [ProviderFact]
    public async Task APostWithoutAKindIsABadRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/articles/{Slug}/reactions") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Origin", Site);

        var response = await NewReader().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await StoredReactionsAsync());
    }

    [ProviderTheory]
    [InlineData("https://evil.example", "cross-site")]
    [InlineData("https://evil.example", null)]
    [InlineData(null, "cross-site")]
    [InlineData(null, "same-site")]
    [InlineData("null", null)]
    [InlineData(null, null)]
    public async Task ACrossSitePostIsRefusedAndChangesNothing(string? origin, string? fetchSite)
    {
        var response = await ReactAsync(NewReader(), "happy", origin, fetchSite);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Empty(await StoredReactionsAsync());
    }

    [ProviderFact]
    public async Task AReactionToAStoryThatIsNotPublishedIsNotFound()
    {
        await _site.AddStoryAsync("A draft", slug: "a-draft", draft: true);

        var unknown = await ReactAsync(NewReader(), "happy", slug: "no-such-story");
        var draft = await ReactAsync(NewReader(), "happy", slug: "a-draft");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Empty(await StoredReactionsAsync());
    }

    [ProviderFact]
    public async Task AReaderWhoFloodsGetsTooManyRequestsAndChangesNothing()
    {
        // The first post gives the reader their id; from then on they have twenty posts a minute.
        var reader = NewReader();
        for (var i = 0; i < 21; i++)
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await ReactAsync(reader, "happy")).StatusCode);
        }
        Assert.Equal([ReactionKind.Happy], await StoredReactionsAsync()); // set and withdrawn ten times, then set

        var flooded = await ReactAsync(reader, "sad");

        Assert.Equal(HttpStatusCode.TooManyRequests, flooded.StatusCode);
        Assert.Equal([ReactionKind.Happy], await StoredReactionsAsync());
        Assert.Equal(HttpStatusCode.SeeOther, (await ReactAsync(NewReader(), "sad")).StatusCode); // others still can
    }

    [ProviderFact]
    public async Task APageViewNeverSetsACookie()
    {
        var reader = NewReader();
        var first = await reader.GetAsync($"/articles/{Slug}");
        await ReactAsync(reader, "happy");
        var afterReacting = await reader.GetAsync($"/articles/{Slug}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.False(afterReacting.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("no-store", first.Headers.CacheControl?.ToString() ?? "");
    }

    [ProviderFact]
    public async Task TwoHundredReadersAtOnceLeaveExactlyTwoHundredAndAHundredWithdrawingLeaveAHundred()
    {
        var readers = Enumerable.Range(0, 200).Select(_ => NewReader()).ToList();

        var set = await Task.WhenAll(readers.Select(r => ReactAsync(r, "surprise")));
        var afterSetting = await StoredReactionsAsync();
        var withdrawn = await Task.WhenAll(readers.Take(100).Select(r => ReactAsync(r, "surprise")));
        var afterWithdrawing = await StoredReactionsAsync();

        Assert.All(set.Concat(withdrawn), r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.Equal(200, afterSetting.Count(k => k == ReactionKind.Surprise));
        Assert.Equal(100, afterWithdrawing.Count(k => k == ReactionKind.Surprise));
        var page = await NewReader().GetDocumentAsync($"/articles/{Slug}");
        Assert.Equal("100 responses", page.QuerySelector("#reactions .reaction-total").Text());
        Assert.Equal("Surprise 100 100%", page.QuerySelector("button[value=surprise]")!.AccessibleName());
    }
}

public sealed class ReactionPostTestsOnSqlite() : ReactionPostTests(DatabaseProvider.Sqlite);

public sealed class ReactionPostTestsOnPostgres() : ReactionPostTests(DatabaseProvider.Postgres);

public abstract class ReactionAddressLimitTests(DatabaseProvider provider) : IDisposable
{
    private readonly NewsSiteFactory _site = new() { Provider = provider, Settings = { ["NewsReader:Reactions:PerAddressPerMinute"] = "5" } };

    public void Dispose() => _site.Dispose();

    [ProviderFact]
    public async Task ManyNewReadersFromOneAddressAreLimitedTogether()
    {
        await _site.AddStoryAsync("Busy story", slug: "busy-story");
        async Task<HttpStatusCode> NewReaderReactsAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/articles/busy-story/reactions")
            {
                Content = new FormUrlEncodedContent([new("kind", "angry")]),
            };
            request.Headers.Add("Origin", "http://localhost");
            return (await _site.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request)).StatusCode;
        }

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            allowed.Add(await NewReaderReactsAsync());
        }
        var sixth = await NewReaderReactsAsync();

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.SeeOther, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth);
        await using var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        Assert.Equal(5, await db.Reactions.CountAsync());
    }
}

public sealed class ReactionAddressLimitTestsOnSqlite() : ReactionAddressLimitTests(DatabaseProvider.Sqlite);

public sealed class ReactionAddressLimitTestsOnPostgres() : ReactionAddressLimitTests(DatabaseProvider.Postgres);
