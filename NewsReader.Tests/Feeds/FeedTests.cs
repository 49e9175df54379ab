using System.Net;
using NewsReader.Data;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Feeds;

public abstract class FeedTests : IDisposable
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    private readonly NewsSiteFactory _site;
    private readonly HttpClient _client;

    private readonly DatabaseProvider _provider;

    protected FeedTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new();
        _client = _site.CreateClient(new() { AllowAutoRedirect = false });
    }

    public void Dispose() => _site.Dispose();

    private static DateTime Day(int day) => new(2026, 10, day, 9, 0, 0, DateTimeKind.Utc);

    private async Task<(HttpResponseMessage Response, string Xml)> GetAsync(string url, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (host is not null)
        {
            request.Headers.Host = host;
        }
        var response = await _client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static SyndicationFeed Load(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        return SyndicationFeed.Load(reader);
    }

    [ProviderFact]
    public async Task TheRssFeedHasTheNewestTwentyPublishedStoriesWithTheirDetails()
    {
        for (var i = 1; i <= 22; i++)
        {
            await _site.AddStoryAsync($"Story {i}", publishedAt: Day(1).AddHours(i));
        }
        await _site.AddStoryAsync("Tram line opens", "The line opens on **Monday**.", Day(9), ["City", "Transport"],
            slug: "tram-line-opens", summary: "Trams are back.", author: "Ana Ferreira");

        var (response, xml) = await GetAsync("/feed.xml");
        var feed = Load(xml);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal(20, feed.Items.Count());
        var first = feed.Items.First();
        Assert.Equal("Tram line opens", first.Title.Text);
        Assert.Equal("http://localhost/articles/tram-line-opens", first.Links.Single().Uri.AbsoluteUri);
        Assert.Equal("Trams are back.", first.Summary.Text);
        Assert.Equal(new DateTimeOffset(Day(9)), first.PublishDate);
        Assert.Equal(["City", "Transport"], first.Categories.Select(c => c.Name));
        Assert.Equal("Story 22", feed.Items.ElementAt(1).Title.Text);
        Assert.Equal("Story 4", feed.Items.Last().Title.Text);

        var item = XDocument.Parse(xml).Descendants("item").First();
        Assert.Equal("Ana Ferreira", item.Element(DublinCore + "creator")!.Value);
        Assert.Equal("<p>The line opens on <strong>Monday</strong>.</p>", item.Element(Content + "encoded")!.Value.Trim());
    }

    [ProviderFact]
    public async Task TheAtomFeedCarriesTheSameStoriesWithFullHtmlContent()
    {
        await _site.AddStoryAsync("Tram line opens", "The line opens on **Monday**.", Day(9), ["City"],
            slug: "tram-line-opens", summary: "Trams are back.", author: "Ana Ferreira");

        var (response, xml) = await GetAsync("/atom.xml");
        var feed = Load(xml);

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var entry = Assert.Single(feed.Items);
        Assert.Equal("Tram line opens", entry.Title.Text);
        Assert.Equal("http://localhost/articles/tram-line-opens", entry.Id);
        Assert.Equal("Ana Ferreira", entry.Authors.Single().Name);
        Assert.Equal("City", entry.Categories.Single().Name);
        Assert.Equal("Trams are back.", entry.Summary.Text);
        var content = Assert.IsType<TextSyndicationContent>(entry.Content);
        Assert.Equal("html", content.Type);
        Assert.Equal("<p>The line opens on <strong>Monday</strong>.</p>", content.Text.Trim());
        Assert.Equal("http://localhost/atom.xml",
            feed.Links.Single(l => l.RelationshipType == "self").Uri.AbsoluteUri);
    }

    [ProviderTheory]
    [InlineData("/feed.xml")]
    [InlineData("/atom.xml")]
    public async Task DraftsAndScheduledStoriesAreNeverInTheFeeds(string url)
    {
        await _site.AddStoryAsync("Published story", publishedAt: Day(1));
        await _site.AddStoryAsync("Draft story", draft: true);
        await _site.AddStoryAsync("Scheduled story", publishedAt: DateTime.UtcNow.AddDays(1));

        var (_, xml) = await GetAsync(url);

        Assert.Equal(["Published story"], Load(xml).Items.Select(i => i.Title.Text));
        Assert.DoesNotContain("Draft story", xml);
        Assert.DoesNotContain("Scheduled story", xml);
    }

    [ProviderTheory]
    [InlineData("/feed.xml")]
    [InlineData("/atom.xml")]
    public async Task FeedLinksUseTheAddressTheReaderCameIn(string url)
    {
        await _site.AddStoryAsync("Tram line opens", slug: "tram-line-opens");

        var (_, xml) = await GetAsync(url, host: "news.example:8080");

        Assert.Equal("http://news.example:8080/articles/tram-line-opens", Load(xml).Items.Single().Links.First().Uri.AbsoluteUri);
    }

    [ProviderTheory]
    [InlineData("/feed.xml")]
    [InlineData("/atom.xml")]
    public async Task TextXmlCannotHoldDoesNotBreakTheFeed(string url)
    {
        await _site.AddStoryAsync("Bell\u0007 in the title", "Body with a vertical\u000Btab.", summary: "Form\u000Cfeed");

        var (response, xml) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bell in the title", Load(xml).Items.Single().Title.Text);
    }

    [ProviderFact]
    public async Task AnEmptySiteStillServesValidFeeds()
    {
        var (rssResponse, rss) = await GetAsync("/feed.xml");
        var (_, atom) = await GetAsync("/atom.xml");

        Assert.Equal(HttpStatusCode.OK, rssResponse.StatusCode);
        Assert.Empty(Load(rss).Items);
        Assert.Empty(Load(atom).Items);
    }

    [ProviderFact]
    public async Task EveryPageTellsBrowsersAndFeedReadersWhereTheFeedsAre()
    {
        var page = await _client.GetDocumentAsync("/");

        var alternates = page.QuerySelectorAll("head link[rel=alternate]")
            .Select(l => (l.GetAttribute("type"), l.GetAttribute("href"))).ToList();
        Assert.Equal([("application/rss+xml", "/feed.xml"), ("application/atom+xml", "/atom.xml")], alternates);
    }
}

public sealed class FeedTestsOnSqlite() : FeedTests(DatabaseProvider.Sqlite);

public sealed class FeedTestsOnPostgres() : FeedTests(DatabaseProvider.Postgres);
