using System.Net;
using NewsReader.Data;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Feeds;

/// <summary>Feeds of one category or tag, and the Google News sitemap.</summary>
public abstract class SectionFeedTests : IDisposable
{
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private readonly NewsSiteFactory _site;
    private readonly HttpClient _client;

    private readonly DatabaseProvider _provider;

    protected SectionFeedTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new();
        _client = _site.CreateClient(new() { AllowAutoRedirect = false });
    }

    public void Dispose() => _site.Dispose();

    private static DateTime Day(int day) => new(2026, 10, day, 9, 0, 0, DateTimeKind.Utc);

    private async Task<SyndicationFeed> FeedAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(reader);
    }

    [ProviderFact]
    public async Task ACategoryFeedHasOnlyThatCategorysStoriesNewestFirstUnderItsName()
    {
        await _site.AddStoryAsync("Tram line opens", publishedAt: Day(3), categories: ["Transport", "City"]);
        await _site.AddStoryAsync("Ferry fares rise", publishedAt: Day(5), categories: ["City", "Transport"]);
        await _site.AddStoryAsync("Choir wins prize", publishedAt: Day(6), categories: ["Culture"]);
        await _site.AddStoryAsync("Bus depot draft", categories: ["Transport"], draft: true);

        var feed = await FeedAsync("/categories/transport/feed.xml");

        Assert.Equal("NewsReader: Transport", feed.Title.Text);
        Assert.Equal(["Ferry fares rise", "Tram line opens"], feed.Items.Select(i => i.Title.Text));
        Assert.EndsWith("/categories/transport", feed.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
    }

    [ProviderFact]
    public async Task ATagFeedHasOnlyTheStoriesWithThatTag()
    {
        await _site.AddStoryAsync("Tram line opens", publishedAt: Day(3), tags: ["trams"]);
        await _site.AddStoryAsync("Ferry fares rise", publishedAt: Day(5), tags: ["ferries"]);

        var feed = await FeedAsync("/tags/trams/feed.xml");

        Assert.Equal("NewsReader: trams", feed.Title.Text);
        Assert.Equal(["Tram line opens"], feed.Items.Select(i => i.Title.Text));
    }

    [ProviderTheory]
    [InlineData("/categories/transport", "/categories/transport/feed.xml", "NewsReader: Transport (RSS)")]
    [InlineData("/tags/trams", "/tags/trams/feed.xml", "NewsReader: trams (RSS)")]
    public async Task ASectionsPageLinksItsFeed(string page, string feed, string title)
    {
        await _site.AddStoryAsync("Tram line opens", publishedAt: Day(3), categories: ["Transport"], tags: ["trams"]);

        var link = (await _client.GetDocumentAsync(page)).QuerySelectorAll("link[rel=alternate][type='application/rss+xml']")
            .Single(l => l.GetAttribute("href") == feed);

        Assert.Equal(title, link.GetAttribute("title"));
    }

    [ProviderTheory]
    [InlineData("/categories/no-such-section/feed.xml")]
    [InlineData("/tags/no-such-tag/feed.xml")]
    public async Task AFeedOfNoSectionIsNotFound(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(url)).StatusCode);

    [ProviderFact]
    public async Task TheNewsSitemapListsTheLastTwoDaysWithPublicationDateAndTitle()
    {
        var now = DateTime.UtcNow;
        await _site.AddStoryAsync("Harbour crane returns", publishedAt: now.AddHours(-2), slug: "crane");
        await _site.AddStoryAsync("Market hall reopens", publishedAt: now.AddHours(-40), slug: "market");
        await _site.AddStoryAsync("Last week's news", publishedAt: now.AddDays(-3), slug: "old");
        await _site.AddStoryAsync("Tomorrow's news", publishedAt: now.AddDays(1), slug: "future");

        var xml = XDocument.Parse(await _client.GetStringAsync("/news-sitemap.xml"));
        var urls = xml.Root!.Elements(Sitemap + "url").ToList();

        Assert.Equal(["/articles/crane", "/articles/market"], urls.Select(u => new Uri(u.Element(Sitemap + "loc")!.Value).AbsolutePath));
        var news = urls[0].Element(News + "news")!;
        Assert.Equal("Harbour crane returns", news.Element(News + "title")!.Value);
        Assert.Equal("NewsReader", news.Element(News + "publication")!.Element(News + "name")!.Value);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", news.Element(News + "publication_date")!.Value);
    }
}

public sealed class SectionFeedTestsOnSqlite() : SectionFeedTests(DatabaseProvider.Sqlite);

public sealed class SectionFeedTestsOnPostgres() : SectionFeedTests(DatabaseProvider.Postgres);
