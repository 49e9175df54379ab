using System.Net;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Caching;

/// <summary>
/// The output cache under requests made to poison or bloat it: error pages must never be kept or
/// served as pages, and only what a page shows may tell its cached copies apart.
/// </summary>
public abstract class CacheAbuseTests : IAsyncLifetime
{
    private readonly NewsSiteFactory _site;
    private HttpClient _reader = default!;

    private readonly DatabaseProvider _provider;

    protected CacheAbuseTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new();
        // Reactions are limited per reader and address; the stream below is one reader on purpose.
        _site.Settings["NewsReader:Reactions:PerReaderPerMinute"] = "1000000";
        _site.Settings["NewsReader:Reactions:PerAddressPerMinute"] = "1000000";
    }

    public async Task InitializeAsync()
    {
        _reader = _site.CreateClient(new() { AllowAutoRedirect = false });
        await _site.AddStoryAsync("Tram depot opens", slug: "depot", categories: ["Transport"]);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private async Task<HttpResponseMessage> GetAsync(string url, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return await _reader.SendAsync(request);
    }

    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age.HasValue;

    [ProviderTheory]
    [InlineData("/not-found")]
    [InlineData("/error")]
    public async Task VisitingTheErrorPagesByNameNeverTurnsUnknownAddressesInto200(string errorPage)
    {
        var direct = await GetAsync(errorPage);
        Assert.True((int)direct.StatusCode >= 400, $"{errorPage} answered {(int)direct.StatusCode}");
        await GetAsync(errorPage);

        for (var i = 0; i < 3; i++)
        {
            var unknown = await GetAsync($"/no-such-page-{i}");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.False(FromCache(unknown));
            Assert.Contains("Page not found", await unknown.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/articles/no-such-story")).StatusCode);
    }

    [ProviderFact]
    public async Task TheNotFoundPageByNameAnswers404AndTheErrorPage500()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/not-found")).StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await GetAsync("/error")).StatusCode);
    }

    [ProviderTheory]
    [InlineData("/robots.txt")]
    [InlineData("/")]
    [InlineData("/articles/depot")]
    [InlineData("/categories/transport")]
    public async Task QueryParametersAPageDoesNotReadShareOneCachedCopy(string path)
    {
        var separator = path.Contains('?') ? '&' : '?';
        await GetAsync($"{path}{separator}utm_source=a");
        var other = await GetAsync($"{path}{separator}junk={new string('x', 4000)}");

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.True(FromCache(other), $"{path} with an unread parameter was rendered again instead of served from the cache");
    }

    [ProviderFact]
    public async Task PageNumbersThatMeanTheSamePageShareOneCopyAndDifferentPagesDoNot()
    {
        await GetAsync("/?page=1");
        Assert.True(FromCache(await GetAsync("/?page=abc")), "a malformed page number shows page 1 and should be its cached copy");
        Assert.True(FromCache(await GetAsync("/?page=-5")));
        Assert.True(FromCache(await GetAsync("/")));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/?page=2")).StatusCode);
    }

    [ProviderFact]
    public async Task SearchesDifferingOnlyInSpaceAroundTheQueryShareOneCopyButOtherWordsDoNot()
    {
        await GetAsync("/search?q=tram");
        var spaced = await GetAsync("/search?q=%20%20tram%20");
        Assert.True(FromCache(spaced));
        var other = await GetAsync("/search?q=depot");
        Assert.False(FromCache(other));
        Assert.Contains("depot", await other.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [ProviderFact]
    public async Task AForgedReaderCookieIsServedTheCopyForReadersWithoutOne()
    {
        await GetAsync("/articles/depot");
        var first = await GetAsync("/articles/depot", "nr-reader=forged-value-1");
        var second = await GetAsync("/articles/depot", $"nr-reader={new string('f', 3000)}");

        Assert.True(FromCache(first), "an invalid reader cookie made a copy of its own");
        Assert.True(FromCache(second));
        Assert.Contains("No responses yet", await second.Content.ReadAsStringAsync());
    }

    [ProviderFact]
    public async Task AHostHeaderLongerThanAnyHostNameIsAnsweredButNotKept()
    {
        var host = string.Join('.', Enumerable.Repeat(new string('h', 60), 5)) + ".example";
        async Task<HttpResponseMessage> GetWithHostAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/robots.txt");
            Assert.True(request.Headers.TryAddWithoutValidation("Host", host));
            return await _reader.SendAsync(request);
        }
        await GetWithHostAsync();
        var again = await GetWithHostAsync();

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False(FromCache(again));
    }

    [ProviderFact]
    public async Task ARepeatedQueryParameterIsAnsweredButNotKept()
    {
        await GetAsync("/?page=1&page=2");
        var again = await GetAsync("/?page=1&page=2");
        Assert.NotEqual(HttpStatusCode.InternalServerError, again.StatusCode);
        Assert.False(FromCache(again));
    }

    [ProviderFact]
    public async Task AStreamOfReactionsToOneStoryDoesNotStopHomeAndOtherStoriesFromBeingCached()
    {
        await _site.AddStoryAsync("Bridge repairs begin", slug: "bridge", categories: ["City"]);
        using var stop = new CancellationTokenSource();
        var posted = 0;
        async Task ReactAsync()
        {
            using var client = _site.CreateClient(new() { AllowAutoRedirect = false });
            var kinds = new[] { "happy", "sad" };
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var post = new HttpRequestMessage(HttpMethod.Post, "/articles/bridge/reactions")
                {
                    Content = new FormUrlEncodedContent([new("kind", kinds[i % 2])]),
                };
                post.Headers.Add("Origin", "http://localhost");
                Assert.Equal(HttpStatusCode.SeeOther, (await client.SendAsync(post)).StatusCode);
                Interlocked.Increment(ref posted);
            }
        }
        var reacting = Enumerable.Range(0, 3).Select(_ => Task.Run(ReactAsync)).ToList();
        try
        {
            while (Volatile.Read(ref posted) < 20)
            {
                await Task.Yield();
            }
            foreach (var url in new[] { "/", "/articles/depot", "/categories/transport" })
            {
                var fromCache = false;
                for (var attempt = 0; attempt < 30 && !fromCache; attempt++)
                {
                    fromCache = FromCache(await GetAsync(url));
                }
                Assert.True(fromCache, $"{url} was never served from the cache while reactions streamed in ({Volatile.Read(ref posted)} posted)");
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(reacting);
        }
    }
}

public sealed class CacheAbuseTestsOnSqlite() : CacheAbuseTests(DatabaseProvider.Sqlite);

public sealed class CacheAbuseTestsOnPostgres() : CacheAbuseTests(DatabaseProvider.Postgres);
