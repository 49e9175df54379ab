using System.IO.Compression;
using System.Net;
using System.Text;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using NewsReader.Accounts;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Components;

/// <summary>
/// What a reader's phone downloads: the page and its own small stylesheet and script, compressed,
/// never MudBlazor or blazor.web.js (those are the admin area's). The byte counts are the bytes
/// the client receives, as served to a browser that accepts Brotli and gzip.
/// </summary>
public sealed class PageWeightTests : IDisposable
{
    private const int FirstVisitBudget = 60 * 1024;

    private readonly NewsSiteFactory _site = new();
    private readonly HttpClient _client;

    public PageWeightTests()
    {
        // No automatic decompression: Content.ReadAsByteArrayAsync gives the bytes on the wire.
        _client = _site.CreateClient(new() { AllowAutoRedirect = false });
    }

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/articles/weighed-story")]
    [InlineData("/categories/city")]
    [InlineData("/tags/harbour")]
    [InlineData("/search?q=harbour")]
    [InlineData("/account/login")]
    [InlineData("/account/access-denied")]
    [InlineData("/no-such-page")]
    public async Task AReaderPageLoadsNoMudBlazorAndNoFrameworkScript(string url)
    {
        await AddStoryAsync();

        var page = await _client.GetDocumentAsync(url);

        var assets = AssetUrls(page);
        Assert.Contains(assets, a => a.StartsWith("/reader.", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        Assert.DoesNotContain(assets, a => a.Contains("MudBlazor", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(assets, a => a.Contains("_framework/", StringComparison.Ordinal));
        Assert.DoesNotContain(assets, a => a.Contains("admin", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("[class*='mud-']"));
        Assert.DoesNotContain("--mud-", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/articles/weighed-story")]
    [InlineData("/categories/city")]
    [InlineData("/search?q=harbour")]
    [InlineData("/no-such-page")]
    public async Task AReaderPageCarriesNoBlazorStateBlob(string url)
    {
        // The blob is an encrypted copy of component state for a circuit that a reader page never
        // opens: hundreds of bytes a page, and a Data Protection encryption on every render.
        await AddStoryAsync();

        using var response = await _client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("</html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Blazor-Server-Component-State", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Blazor-WebAssembly-Component-State", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATextStorysFirstVisitIsAtMost60KiBCompressedAsServed()
    {
        await AddStoryAsync();

        var html = await GetAsync("/articles/weighed-story");
        var page = Html.Parse(await html.Content.ReadAsStringAsync());
        var total = (await html.Content.ReadAsByteArrayAsync()).Length;
        var assets = AssetUrls(page);
        foreach (var asset in assets)
        {
            total += (await ReadServedAsync(asset)).Length;
        }

        Assert.Contains(assets, a => a.StartsWith("/js/reactions.", StringComparison.Ordinal));
        Assert.True(total <= FirstVisitBudget, $"a text story's first visit is {total:N0} bytes ({string.Join(", ", assets)})");
    }

    [Fact]
    public async Task EveryTextAssetIsServedBrotliCompressedUnderDotnetRunAndFingerprintedOnesAreImmutable()
    {
        // The test site runs as `dotnet run` does (Development). There MapStaticAssets would, by
        // default, re-send every file gzip-wrapped but uncompressed (NoCompression), labelled with
        // whatever encoding was negotiated; appsettings.Development.json turns that off
        // (ReloadStaticAssetsAtRuntime=false), so the built .br/.gz files are served as published.
        await AddStoryAsync();
        var admin = await _site.CreateSignedInClientAsync(Roles.Admin);
        var assets = AssetUrls(await _client.GetDocumentAsync("/articles/weighed-story"))
            .Concat(AssetUrls(await admin.GetDocumentAsync("/admin/articles")))
            .Where(IsText).Distinct().ToList();

        Assert.Contains(assets, a => a.Contains("_framework/blazor.web", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("_content/MudBlazor/MudBlazor.min.css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/reader.", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var response = await GetAsync(asset);
            var served = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK && served.Length > 0, $"{asset}: {(int)response.StatusCode}, {served.Length} bytes");
            Assert.True(response.Content.Headers.ContentEncoding.SequenceEqual(["br"]), $"{asset} is served without Brotli");
            var decoded = Decode(served);
            Assert.True(decoded.Length > served.Length * 2, $"{asset}: {served.Length} bytes on the wire for {decoded.Length}");
            // MudBlazor's files are linked by their plain address (see App.razor): revalidated, not immutable.
            if (!asset.Contains("_content/MudBlazor/", StringComparison.Ordinal))
            {
                Assert.True((response.Headers.CacheControl?.ToString() ?? "").Contains("immutable", StringComparison.Ordinal), $"{asset} is not immutable");
            }
        }
    }

    [Fact]
    public async Task GzipIsServedToABrowserWithoutBrotli()
    {
        var page = await _client.GetDocumentAsync("/");
        var stylesheet = AssetUrls(page).Single(a => a.EndsWith(".css", StringComparison.Ordinal));

        using var request = new HttpRequestMessage(HttpMethod.Get, stylesheet);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await _client.SendAsync(request);

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await gzip.CopyToAsync(decoded);
        Assert.Contains(".reader-layout", Encoding.UTF8.GetString(decoded.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminPageStillLinksMudBlazorAndItsOwnStylesheet()
    {
        var admin = await _site.CreateSignedInClientAsync(Roles.Admin);

        var page = await admin.GetDocumentAsync("/admin/articles");

        var assets = AssetUrls(page);
        Assert.Contains(assets, a => a.EndsWith("_content/MudBlazor/MudBlazor.min.css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith("_content/MudBlazor/MudBlazor.min.js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/admin.", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("_framework/blazor.web", StringComparison.Ordinal));
    }

    private Task<int> AddStoryAsync() =>
        _site.AddStoryAsync("A story to weigh", string.Join("\n\n", Enumerable.Repeat(
            "The harbour board met on Tuesday and agreed to repair the north pier before the winter storms.", 30)),
            categories: ["City"], tags: ["Harbour"], slug: "weighed-story", summary: "The pier is repaired.");

    private static byte[] Decode(byte[] brotli)
    {
        using var input = new BrotliStream(new MemoryStream(brotli), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        return await _client.SendAsync(request);
    }

    private async Task<byte[]> ReadServedAsync(string url)
    {
        var response = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Stylesheets and scripts a browser fetches for the page (not feeds, icons or links).</summary>
    private static List<string> AssetUrls(IDocument page) =>
        page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href"))
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")))
            .OfType<string>()
            .Select(href => href.StartsWith('/') ? href : "/" + href)
            .ToList();

    private static bool IsText(string url) =>
        url.EndsWith(".css", StringComparison.Ordinal) || url.EndsWith(".js", StringComparison.Ordinal);
}
