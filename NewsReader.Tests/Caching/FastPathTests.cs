using System.Net;
using NewsReader.Data;
using Microsoft.Extensions.Time.Testing;
using NewsReader.Caching;
using NewsReader.Editing;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Caching;

/// <summary>
/// Cached reader pages answered by <see cref="ReaderPageFastPath"/> before routing: the answer must be
/// the output cache's answer, byte for byte, and every rule of the output cache must hold for it.
/// Each test tells the two apart by the fast path's hit count, never by the answer itself.
/// </summary>
public abstract class FastPathTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly EditingSite _site;
    private readonly HttpClient _reader;

    private readonly DatabaseProvider _provider;

    protected FastPathTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new EditingSite { Provider = _provider, Clock = _clock };
        _reader = _site.CreateClient(new() { AllowAutoRedirect = false });
    }

    public async Task InitializeAsync()
    {
        await _site.AddStoryAsync("Tram depot opens", publishedAt: Now.UtcDateTime.AddDays(-2), categories: ["Transport"], slug: "depot");
        await _site.AddStoryAsync("Bridge repairs begin", publishedAt: Now.UtcDateTime.AddDays(-1), categories: ["City"], slug: "bridge");
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private ReaderPageFastPath FastPath => _site.GetService<ReaderPageFastPath>();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, Action<HttpRequestMessage>? prepare = null, HttpClient? client = null)
    {
        var request = new HttpRequestMessage(method, url);
        prepare?.Invoke(request);
        return await (client ?? _reader).SendAsync(request);
    }

    /// <summary>Sends the request and says whether the fast path answered it.</summary>
    private async Task<(HttpResponseMessage Response, bool FromFastPath)> SendCountingAsync(
        HttpMethod method, string url, Action<HttpRequestMessage>? prepare = null, HttpClient? client = null)
    {
        var before = FastPath.Hits;
        var response = await SendAsync(method, url, prepare, client);
        return (response, FastPath.Hits > before);
    }

    /// <summary>
    /// Every header of an answer except Age, whose value depends on when it was asked. Values are
    /// compared in upper case: the output cache stores values that match one of its well-known
    /// strings as that string, so Blazor's "blazor-enhanced-nav: allow" comes back from it as "Allow",
    /// while the fast path sends the value as the page set it.
    /// </summary>
    private static List<string> HeadersOf(HttpResponseMessage response) =>
        [.. response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key != "Age")
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value).ToUpperInvariant()}")
            .Order(StringComparer.Ordinal)];

    [ProviderTheory]
    [InlineData("/articles/depot")]
    [InlineData("/")]
    [InlineData("/categories/transport")]
    [InlineData("/robots.txt")]
    [InlineData("/feed.xml")]
    public async Task AFastPathAnswerIsTheOutputCachesAnswerSameStatusHeadersAndBytes(string url)
    {
        await SendAsync(HttpMethod.Get, url);
        var (fast, fromFastPath) = await SendCountingAsync(HttpMethod.Get, url);
        Assert.True(fromFastPath, $"{url} was not answered by the fast path");

        // Only the per-process copy goes: the output cache still holds the page and answers it.
        FastPath.Clear();
        var (cached, again) = await SendCountingAsync(HttpMethod.Get, url);
        Assert.False(again);

        Assert.Equal(HttpStatusCode.OK, fast.StatusCode);
        Assert.Equal(cached.StatusCode, fast.StatusCode);
        Assert.True(cached.Headers.Age.HasValue, $"{url}: the comparison answer did not come from the output cache");
        Assert.True(fast.Headers.Age.HasValue);
        Assert.Equal(HeadersOf(cached), HeadersOf(fast));
        Assert.Equal(await cached.Content.ReadAsByteArrayAsync(), await fast.Content.ReadAsByteArrayAsync());
        Assert.Contains("nosniff", fast.Headers.GetValues("X-Content-Type-Options"));
        Assert.True(fast.Headers.CacheControl is { Public: true, MustRevalidate: true, MaxAge.TotalSeconds: 0 });
    }

    [ProviderFact]
    public async Task HeadFromTheFastPathHasTheHeadersOfGetAndNoBody()
    {
        var get = await SendAsync(HttpMethod.Get, "/articles/depot");
        var body = await get.Content.ReadAsByteArrayAsync();

        var (head, fromFastPath) = await SendCountingAsync(HttpMethod.Head, "/articles/depot");

        Assert.True(fromFastPath);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        // The rendered GET may have gone out chunked, without a Content-Length.
        Assert.Equal(HeadersOf(get).Where(h => !h.StartsWith("Content-Length", StringComparison.Ordinal)),
            HeadersOf(head).Where(h => !h.StartsWith("Content-Length", StringComparison.Ordinal)));
    }

    [ProviderFact]
    public async Task AHeadRequestNeverMakesACopy()
    {
        await SendAsync(HttpMethod.Head, "/articles/bridge");
        await SendAsync(HttpMethod.Head, "/articles/bridge");
        Assert.Equal(0, FastPath.Count);
    }

    [ProviderTheory]
    [InlineData("If-None-Match", "*")]
    [InlineData("If-Modified-Since", "date")]
    public async Task AConditionalRequestGets304FromTheFastPathAsFromTheOutputCache(string header, string value)
    {
        var first = await SendAsync(HttpMethod.Get, "/articles/depot");
        var condition = value == "date" ? first.Headers.Date!.Value.ToString("R") : value;
        void Conditional(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation(header, condition);

        var (fast, fromFastPath) = await SendCountingAsync(HttpMethod.Get, "/articles/depot", Conditional);
        FastPath.Clear();
        var (cached, again) = await SendCountingAsync(HttpMethod.Get, "/articles/depot", Conditional);

        Assert.True(fromFastPath);
        Assert.False(again);
        Assert.Equal(HttpStatusCode.NotModified, fast.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        Assert.Equal(HeadersOf(cached), HeadersOf(fast));
        Assert.Empty(await fast.Content.ReadAsByteArrayAsync());
    }

    [ProviderFact]
    public async Task AnOlderIfModifiedSinceGetsThePage()
    {
        await SendAsync(HttpMethod.Get, "/articles/depot");
        var (response, fromFastPath) = await SendCountingAsync(HttpMethod.Get, "/articles/depot",
            r => r.Headers.IfModifiedSince = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.True(fromFastPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tram depot opens", await response.Content.ReadAsStringAsync());
    }

    [ProviderFact]
    public async Task ASignedInEditorNeverGetsNorMakesTheFastPathCopy()
    {
        var editor = await _site.CreateSignedInClientAsync();
        await SendAsync(HttpMethod.Get, "/articles/bridge", client: editor);
        await SendAsync(HttpMethod.Get, "/articles/bridge", client: editor);
        Assert.Equal(0, FastPath.Count);

        await SendAsync(HttpMethod.Get, "/articles/depot");
        var (forEditor, fromFastPath) = await SendCountingAsync(HttpMethod.Get, "/articles/depot", client: editor);
        Assert.False(fromFastPath);
        Assert.False(forEditor.Headers.Age.HasValue, "a signed-in editor was served a cached page");
        Assert.False((await SendCountingAsync(HttpMethod.Get, "/articles/depot",
            r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer anything"))).FromFastPath);
    }

    [ProviderFact]
    public async Task AReaderWithAReaderCookieGetsTheirOwnCopyNotTheSharedOne()
    {
        await SendAsync(HttpMethod.Get, "/articles/depot");
        var reacting = _site.CreateClient(new() { AllowAutoRedirect = false });
        var post = new HttpRequestMessage(HttpMethod.Post, "/articles/depot/reactions") { Content = new FormUrlEncodedContent([new("kind", "happy")]) };
        post.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.SeeOther, (await reacting.SendAsync(post)).StatusCode);

        await SendAsync(HttpMethod.Get, "/articles/depot");
        for (var i = 0; i < 2; i++)
        {
            var (own, fromFastPath) = await SendCountingAsync(HttpMethod.Get, "/articles/depot", client: reacting);
            Assert.False(fromFastPath);
            Assert.Equal("true", Html.Parse(await own.Content.ReadAsStringAsync()).QuerySelector("button[value=happy]")!.GetAttribute("aria-pressed"));
        }
        var (shared, sharedFromFastPath) = await SendCountingAsync(HttpMethod.Get, "/articles/depot");
        Assert.True(sharedFromFastPath);
        Assert.Equal("false", Html.Parse(await shared.Content.ReadAsStringAsync()).QuerySelector("button[value=happy]")!.GetAttribute("aria-pressed"));
    }

    [ProviderFact]
    public async Task AReactionAndAnEditShowAtOnceThroughTheFastPath()
    {
        await SendAsync(HttpMethod.Get, "/articles/depot");
        Assert.True((await SendCountingAsync(HttpMethod.Get, "/articles/depot")).FromFastPath);

        var reacting = _site.CreateClient(new() { AllowAutoRedirect = false });
        var post = new HttpRequestMessage(HttpMethod.Post, "/articles/depot/reactions") { Content = new FormUrlEncodedContent([new("kind", "happy")]) };
        post.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.SeeOther, (await reacting.SendAsync(post)).StatusCode);
        Assert.Equal("1 response", (await _reader.GetDocumentAsync("/articles/depot")).QuerySelector("#reactions .reaction-total").Text());
        Assert.True((await SendCountingAsync(HttpMethod.Get, "/articles/depot")).FromFastPath);

        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var id = (await editor.List.ListAsync(new StoryQuery(), default)).Rows.Single(r => r.Title == "Tram depot opens").Id;
        var story = (await editor.Saver.GetAsync(id, default))!;
        Assert.IsType<SaveResult.Saved>(await editor.Saver.PublishNowAsync(id, story.Version, story.Draft with { Title = "Tram depot opens late" }, default));

        Assert.Equal("Tram depot opens late", (await _reader.GetDocumentAsync("/articles/depot")).QuerySelector("h1").Text());
        var (again, fromFastPath) = await SendCountingAsync(HttpMethod.Get, "/articles/depot");
        Assert.True(fromFastPath);
        Assert.Contains("Tram depot opens late", await again.Content.ReadAsStringAsync());
    }

    [ProviderFact]
    public async Task ACopyLivesNoLongerThanTheOutputCachesEntryBeforeAScheduledStory()
    {
        await _site.AddStoryAsync("Night trams start", publishedAt: Now.UtcDateTime.AddMinutes(5), slug: "night-trams");
        await SendAsync(HttpMethod.Get, "/");
        Assert.True((await SendCountingAsync(HttpMethod.Get, "/")).FromFastPath);

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.False((await SendCountingAsync(HttpMethod.Get, "/")).FromFastPath);
    }

    [ProviderFact]
    public async Task RequestsThatDifferOnlyInWhatNoPageReadsShareOneCopy()
    {
        await SendAsync(HttpMethod.Get, "/articles/depot");
        for (var i = 0; i < 20; i++)
        {
            Assert.True((await SendCountingAsync(HttpMethod.Get, $"/articles/depot?utm_source={i}&pad={new string('x', 2000)}",
                r => r.Headers.TryAddWithoutValidation("Cookie", $"nr-readr-typo={i}; other={i}"))).FromFastPath);
        }
        var host = string.Join('.', Enumerable.Repeat(new string('h', 60), 5)) + ".example";
        for (var i = 0; i < 2; i++)
        {
            Assert.False((await SendCountingAsync(HttpMethod.Get, "/articles/depot", r => r.Headers.TryAddWithoutValidation("Host", host))).FromFastPath);
        }
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(HttpMethod.Get, "/articles/depot", r => r.Headers.TryAddWithoutValidation("Cookie", $"nr-reader=forged-{i}"));
        }
        Assert.Equal(1, FastPath.Count);
    }

    [ProviderFact]
    public async Task PageNumbersAndSearchesAreToldApartAsTheOutputCacheTellsThemApart()
    {
        await SendAsync(HttpMethod.Get, "/?page=1");
        Assert.True((await SendCountingAsync(HttpMethod.Get, "/?page=abc")).FromFastPath, "?page=abc shows page 1");
        var tram = await (await SendAsync(HttpMethod.Get, "/search?q=tram")).Content.ReadAsStringAsync();
        var (spaced, fromFastPath) = await SendCountingAsync(HttpMethod.Get, "/search?q=%20tram%20");
        Assert.True(fromFastPath);
        Assert.Equal(tram, await spaced.Content.ReadAsStringAsync());
        var (other, otherFromFastPath) = await SendCountingAsync(HttpMethod.Get, "/search?q=bridge");
        Assert.False(otherFromFastPath);
        Assert.NotEqual(tram, await other.Content.ReadAsStringAsync());
        Assert.False((await SendCountingAsync(HttpMethod.Get, "/?page=1&page=1")).FromFastPath);
    }

    [ProviderFact]
    public async Task NotFoundAndErrorPagesAreNeverCopied()
    {
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/articles/no-such-story")).StatusCode);
            await SendAsync(HttpMethod.Get, "/not-found");
            await SendAsync(HttpMethod.Get, "/error");
        }
        Assert.Equal(0, FastPath.Count);
    }
}

public sealed class FastPathTestsOnSqlite() : FastPathTests(DatabaseProvider.Sqlite);

public sealed class FastPathTestsOnPostgres() : FastPathTests(DatabaseProvider.Postgres);
