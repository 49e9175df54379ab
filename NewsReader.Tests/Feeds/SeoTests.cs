using System.Text.Json;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Feeds;

public abstract class SeoTests : IDisposable
{
    private readonly NewsSiteFactory _site;
    private readonly HttpClient _client;

    private readonly DatabaseProvider _provider;

    protected SeoTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new();
        _client = _site.CreateClient(new() { AllowAutoRedirect = false });
    }

    public void Dispose() => _site.Dispose();

    private static readonly DateTime Published = new(2026, 10, 3, 9, 30, 0, DateTimeKind.Utc);

    private static string? Meta(AngleSharp.Dom.IDocument page, string selector) =>
        page.QuerySelector($"head meta[{selector}]")?.GetAttribute("content");

    [ProviderFact]
    public async Task AStoryPageDescribesItselfToSearchEnginesAndLinkPreviews()
    {
        await _site.AddStoryAsync("Tram line 4 opens", "The line opens.", Published, ["City", "Transport"], ["trams"],
            slug: "tram-line-4-opens", summary: "Trams are back after forty years.", author: "Ana Ferreira",
            leadImage: "/images/articles/tram-line-4.svg");

        var page = await _client.GetDocumentAsync("/articles/tram-line-4-opens");

        Assert.Equal("Tram line 4 opens", page.Title);
        Assert.Equal("Trams are back after forty years.", Meta(page, "name=description"));
        Assert.Equal("http://localhost/articles/tram-line-4-opens", page.QuerySelector("head link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("Tram line 4 opens", Meta(page, "property='og:title'"));
        Assert.Equal("Trams are back after forty years.", Meta(page, "property='og:description'"));
        Assert.Equal("article", Meta(page, "property='og:type'"));
        Assert.Equal("http://localhost/articles/tram-line-4-opens", Meta(page, "property='og:url'"));
        Assert.Equal("http://localhost/images/articles/tram-line-4.svg", Meta(page, "property='og:image'"));
        Assert.Equal("summary_large_image", Meta(page, "name='twitter:card'"));
        Assert.Single(page.QuerySelectorAll("head meta[name=description]"));
    }

    [ProviderFact]
    public async Task AStoryWithoutALeadImageHasASmallTwitterCardAndNoOgImage()
    {
        await _site.AddStoryAsync("Plain story", slug: "plain-story", summary: "Summary.");

        var page = await _client.GetDocumentAsync("/articles/plain-story");

        Assert.Equal("summary", Meta(page, "name='twitter:card'"));
        Assert.Null(Meta(page, "property='og:image'"));
    }

    [ProviderFact]
    public async Task AStoryPageCarriesANewsArticleInJsonLd()
    {
        await _site.AddStoryAsync("Tram line 4 opens", "The line opens.", Published, ["City", "Transport"],
            slug: "tram-line-4-opens", summary: "Trams are back.", author: "Ana Ferreira",
            leadImage: "https://images.example/tram.jpg");

        var page = await _client.GetDocumentAsync("/articles/tram-line-4-opens");

        var script = Assert.Single(page.QuerySelectorAll("head script[type='application/ld+json']"));
        var json = JsonDocument.Parse(script.TextContent).RootElement;
        Assert.Equal("NewsArticle", json.GetProperty("@type").GetString());
        Assert.Equal("Tram line 4 opens", json.GetProperty("headline").GetString());
        Assert.Equal("2026-10-03T09:30:00Z", json.GetProperty("datePublished").GetString());
        Assert.True(json.TryGetProperty("dateModified", out _));
        Assert.Equal("Ana Ferreira", json.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("https://images.example/tram.jpg", json.GetProperty("image")[0].GetString());
        Assert.Equal("City", json.GetProperty("articleSection").GetString());
        var readTime = page.QuerySelector("time.read-time")!.GetAttribute("datetime");
        Assert.Equal(readTime, json.GetProperty("timeRequired").GetString());
    }

    [ProviderFact]
    public async Task AHeadlineThatLooksLikeMarkupCannotBreakOutOfTheHead()
    {
        const string title = "</script><script>alert(1)</script> \"quoted\" & <b>bold</b>";
        await _site.AddStoryAsync(title, slug: "hostile-title", summary: "\"/><script>alert(2)</script>");

        var html = await (await _client.GetAsync("/articles/hostile-title")).Content.ReadAsStringAsync();
        var page = Html.Parse(html);

        Assert.DoesNotContain("<script>alert", html);
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
        var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal(title, json.GetProperty("headline").GetString());
        Assert.Equal(title, Meta(page, "property='og:title'"));
        Assert.Equal("\"/><script>alert(2)</script>", Meta(page, "name=description"));
    }

    [ProviderFact]
    public async Task TheHomePageHasADescriptionAndACanonicalAddress()
    {
        await _site.AddStoryAsync("A story");

        var page = await _client.GetDocumentAsync("/");

        Assert.Equal("http://localhost/", page.QuerySelector("head link[rel=canonical]")!.GetAttribute("href"));
        Assert.False(string.IsNullOrWhiteSpace(Meta(page, "name=description")));
    }
}

public sealed class SeoTestsOnSqlite() : SeoTests(DatabaseProvider.Sqlite);

public sealed class SeoTestsOnPostgres() : SeoTests(DatabaseProvider.Postgres);
