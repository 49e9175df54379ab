using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Reactions;

/// <summary>
/// A client that drops its reader cookie is a new reader on every post; posts without a cookie are
/// capped per address (new readers a minute, and fewer per story), with the default limits.
/// </summary>
public abstract class ReactionNewReaderLimitTests(DatabaseProvider provider) : IDisposable
{
    private readonly NewsSiteFactory _site = new() { Provider = provider, KeepAddressLimits = true };

    public void Dispose() => _site.Dispose();

    /// <summary>A fresh client without cookies: every post it sends is a new reader's.</summary>
    private HttpClient CookielessClient(string address) =>
        TestClientAddress.From(_site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }), address);

    private static async Task<HttpResponseMessage> ReactAsync(HttpClient client, string slug, string kind = "happy", string? xForwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/articles/{slug}/reactions")
        {
            Content = new FormUrlEncodedContent([new("kind", kind)]),
        };
        request.Headers.Add("Origin", "http://localhost");
        if (xForwardedFor is not null) request.Headers.Add("X-Forwarded-For", xForwardedFor);
        return await client.SendAsync(request);
    }

    private async Task<int> StoredCountAsync()
    {
        await using var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        return await db.Reactions.CountAsync();
    }

    [ProviderFact]
    public async Task EightyCookielessPostsFromOneAddressAddOnlyThreeReactionsToAStory()
    {
        await _site.AddStoryAsync("Busy story", slug: "busy-story");
        var client = CookielessClient("203.0.113.7");

        var answers = await Task.WhenAll(Enumerable.Range(0, 80).Select(_ => ReactAsync(client, "busy-story")));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.SeeOther));
        Assert.Equal(77, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(3, await StoredCountAsync());
        var refused = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("/articles/busy-story#reactions", page.QuerySelector("main a")!.GetAttribute("href"));
    }

    [ProviderFact]
    public async Task NewReadersFromOneAddressAreCappedAtTenAMinuteAcrossStories()
    {
        for (var i = 1; i <= 4; i++)
        {
            await _site.AddStoryAsync($"Story {i}", slug: $"story-{i}");
        }
        var client = CookielessClient("203.0.113.8");

        var statuses = new List<HttpStatusCode>();
        foreach (var slug in new[] { "story-1", "story-2", "story-3", "story-4" })
        {
            for (var i = 0; i < 3; i++)
            {
                statuses.Add((await ReactAsync(client, slug)).StatusCode);
            }
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.SeeOther));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.Skip(10));
        Assert.Equal(10, await StoredCountAsync());
    }

    [ProviderFact]
    public async Task ReadersWithACookieAreNotCountedAgainstTheNewReaderCap()
    {
        await _site.AddStoryAsync("Office story", slug: "office-story");
        // Three colleagues behind one office address react, keeping their cookies.
        var colleagues = Enumerable.Range(0, 3)
            .Select(_ => TestClientAddress.From(_site.CreateClient(new() { AllowAutoRedirect = false }), "198.51.100.20"))
            .ToList();
        foreach (var colleague in colleagues)
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await ReactAsync(colleague, "office-story")).StatusCode);
        }

        var changesOfMind = new List<HttpStatusCode>();
        foreach (var colleague in colleagues)
        {
            changesOfMind.Add((await ReactAsync(colleague, "office-story", "sad")).StatusCode);
            changesOfMind.Add((await ReactAsync(colleague, "office-story", "angry")).StatusCode);
        }
        var fourthNewReader = await ReactAsync(CookielessClient("198.51.100.20"), "office-story");

        Assert.All(changesOfMind, s => Assert.Equal(HttpStatusCode.SeeOther, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourthNewReader.StatusCode);
        Assert.Equal(3, await StoredCountAsync());
    }

    [ProviderFact]
    public async Task AnotherAddressIsNotHeldBackByTheFirst()
    {
        await _site.AddStoryAsync("Busy story", slug: "busy-story");
        var first = CookielessClient("203.0.113.9");
        for (var i = 0; i < 4; i++)
        {
            await ReactAsync(first, "busy-story");
        }

        var other = await ReactAsync(CookielessClient("203.0.113.10"), "busy-story");

        Assert.Equal(HttpStatusCode.SeeOther, other.StatusCode);
        Assert.Equal(4, await StoredCountAsync());
    }

    [ProviderFact]
    public async Task XForwardedForFromAnUnknownProxyDoesNotChangeTheAddress()
    {
        await _site.AddStoryAsync("Busy story", slug: "busy-story");
        var client = CookielessClient("203.0.113.11");

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 5; i++)
        {
            statuses.Add((await ReactAsync(client, "busy-story", xForwardedFor: $"192.0.2.{i}")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.SeeOther,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}

public sealed class ReactionNewReaderLimitTestsOnSqlite() : ReactionNewReaderLimitTests(DatabaseProvider.Sqlite);

public sealed class ReactionNewReaderLimitTestsOnPostgres() : ReactionNewReaderLimitTests(DatabaseProvider.Postgres);

/// <summary>Behind a configured proxy, the client's address is the one the proxy forwards.</summary>
public abstract class ReactionKnownProxyTests(DatabaseProvider provider) : IDisposable
{
    private readonly NewsSiteFactory _site = new()
    {
        Provider = provider,
        KeepAddressLimits = true,
        Settings = { ["NewsReader:KnownProxies:0"] = "10.0.0.5" },
    };

    public void Dispose() => _site.Dispose();

    [ProviderFact]
    public async Task XForwardedForFromAKnownProxyIsTheClientsAddress()
    {
        await _site.AddStoryAsync("Busy story", slug: "busy-story");
        var proxy = TestClientAddress.From(_site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }), "10.0.0.5");

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 5; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/articles/busy-story/reactions")
            {
                Content = new FormUrlEncodedContent([new("kind", "happy")]),
            };
            request.Headers.Add("Origin", "http://localhost");
            // Five readers behind one proxy: without the forwarded address they would share its cap of three.
            request.Headers.Add("X-Forwarded-For", $"192.0.2.{i}");
            statuses.Add((await proxy.SendAsync(request)).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.SeeOther, s));
    }

    [ProviderTheory]
    [InlineData("10.0.0.5", true)]
    [InlineData("203.0.113.60", false)]
    public async Task XForwardedProtoCountsOnlyFromAKnownProxy(string connectionAddress, bool secure)
    {
        await _site.AddStoryAsync("Busy story", slug: "busy-story");
        var client = TestClientAddress.From(_site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }), connectionAddress);
        var request = new HttpRequestMessage(HttpMethod.Post, "/articles/busy-story/reactions")
        {
            Content = new FormUrlEncodedContent([new("kind", "happy")]),
        };
        // Only the https origin matches when the proxy's word is taken that the reader came in over https.
        request.Headers.Add("Origin", secure ? "https://localhost" : "http://localhost");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class ReactionKnownProxyTestsOnSqlite() : ReactionKnownProxyTests(DatabaseProvider.Sqlite);

public sealed class ReactionKnownProxyTestsOnPostgres() : ReactionKnownProxyTests(DatabaseProvider.Postgres);
