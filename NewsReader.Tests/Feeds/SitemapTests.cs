using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Data;
using NewsReader.Feeds;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Feeds;

public sealed class SitemapTests : IDisposable
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private readonly NewsSiteFactory _site;
    private readonly HttpClient _client;

    public SitemapTests() : this(new NewsSiteFactory())
    {
    }

    private SitemapTests(NewsSiteFactory site)
    {
        _site = site;
        _client = _site.CreateClient(new() { AllowAutoRedirect = false });
    }

    public void Dispose() => _site.Dispose();

    private static DateTime Day(int day) => new(2026, 10, day, 9, 0, 0, DateTimeKind.Utc);

    private static async Task<XDocument> GetXmlAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static List<string> Locations(XDocument sitemap) =>
        sitemap.Descendants(Sitemaps + "loc").Select(l => l.Value).ToList();

    [Fact]
    public async Task TheSitemapListsHomeCategoriesAndEveryPublishedStory()
    {
        await _site.AddStoryAsync("Tram opens", slug: "tram-opens", publishedAt: Day(2), categories: ["Transport", "City"]);
        await _site.AddStoryAsync("Market reopens", slug: "market-reopens", publishedAt: Day(4), categories: ["City"]);
        await _site.AddStoryAsync("Secret plan", slug: "secret-plan", categories: ["Secret"], draft: true);
        await _site.AddStoryAsync("Future story", slug: "future-story", publishedAt: DateTime.UtcNow.AddDays(3), categories: ["Future"]);

        var sitemap = await GetXmlAsync(_client, "/sitemap.xml");

        Assert.Equal(Sitemaps + "urlset", sitemap.Root!.Name);
        Assert.Equal(
            [
                "http://localhost/", "http://localhost/categories/city", "http://localhost/categories/transport",
                "http://localhost/articles/tram-opens", "http://localhost/articles/market-reopens",
            ],
            Locations(sitemap));
        var lastModified = sitemap.Descendants(Sitemaps + "url")
            .ToDictionary(u => u.Element(Sitemaps + "loc")!.Value, u => u.Element(Sitemaps + "lastmod")?.Value);
        Assert.Equal("2026-10-04T09:00:00Z", lastModified["http://localhost/"]);
        Assert.Equal("2026-10-04T09:00:00Z", lastModified["http://localhost/categories/city"]);
        Assert.Equal("2026-10-02T09:00:00Z", lastModified["http://localhost/categories/transport"]);
    }

    [Theory]
    [InlineData(2, 5, "2026-10-05T09:00:00Z")]
    [InlineData(5, 2, "2026-10-05T09:00:00Z")]
    public async Task EachStoryIsDatedByItsLastEditOrWhenItWentLiveIfThatIsLater(int published, int edited, string lastmod)
    {
        await _site.AddStoryAsync("Tram opens", slug: "tram-opens", publishedAt: Day(published));
        await using (var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync())
        {
            await db.Stories.ExecuteUpdateAsync(a => a.SetProperty(x => x.UpdatedAt, Day(edited)));
        }

        var sitemap = await GetXmlAsync(_client, "/sitemap.xml");

        var story = sitemap.Descendants(Sitemaps + "url").Single(u => u.Element(Sitemaps + "loc")!.Value.EndsWith("/tram-opens", StringComparison.Ordinal));
        Assert.Equal(lastmod, story.Element(Sitemaps + "lastmod")!.Value);
    }

    [Fact]
    public async Task RobotsTxtAllowsReadersPagesAndPointsAtBothSitemaps()
    {
        var response = await _client.GetAsync("/robots.txt");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["User-agent: *", "Allow: /", "Disallow: /admin", "Disallow: /account",
            "Sitemap: http://localhost/sitemap.xml", "Sitemap: http://localhost/news-sitemap.xml"], lines);
    }

    [Fact]
    public async Task ASiteTooLargeForOneFileGetsAnIndexOfPartsThatHoldEveryUrlOnce()
    {
        using var site = new SmallSitemapFactory();
        var client = site.CreateClient();
        await site.AddStoryAsync("One", slug: "one", categories: ["City"]);
        await site.AddStoryAsync("Two", slug: "two", categories: ["City"]);
        await site.AddStoryAsync("Three", slug: "three");
        await site.AddStoryAsync("Four", slug: "four");
        await site.AddStoryAsync("Draft", slug: "draft", draft: true);

        var index = await GetXmlAsync(client, "/sitemap.xml");
        var parts = Locations(index);
        var urls = new List<string>();
        foreach (var part in parts)
        {
            var file = await GetXmlAsync(client, new Uri(part).PathAndQuery);
            Assert.InRange(Locations(file).Count, 1, 3);
            urls.AddRange(Locations(file));
        }
        var pastTheEnd = await client.GetAsync($"/sitemap-{parts.Count + 1}.xml");

        Assert.Equal(Sitemaps + "sitemapindex", index.Root!.Name);
        Assert.Equal(["http://localhost/sitemap-1.xml", "http://localhost/sitemap-2.xml"], parts);
        Assert.Equal(
            [
                "http://localhost/", "http://localhost/categories/city", "http://localhost/articles/one",
                "http://localhost/articles/two", "http://localhost/articles/three", "http://localhost/articles/four",
            ],
            urls);
        Assert.Equal(HttpStatusCode.NotFound, pastTheEnd.StatusCode);
    }

    [Fact]
    public async Task PartsDoNotExistWhileOneFileIsEnough()
    {
        await _site.AddStoryAsync("One");

        var response = await _client.GetAsync("/sitemap-1.xml");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The site with three URLs a sitemap file, so a handful of stories needs an index.</summary>
    private sealed class SmallSitemapFactory : NewsSiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.Configure<SitemapOptions>(o => o.UrlsPerFile = 3));
        }
    }
}
