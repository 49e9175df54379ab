using System.Net;
using NewsReader.Data;
using System.ServiceModel.Syndication;
using System.Text.Json.Nodes;
using System.Xml;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Authors;

/// <summary>What readers see of authors: their page, the bylines that link to it, JSON-LD and their feed.</summary>
public abstract class AuthorPageTests : IDisposable
{
    private readonly NewsSiteFactory _site;
    private readonly HttpClient _client;

    private readonly DatabaseProvider _provider;

    protected AuthorPageTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new();
        _client = _site.CreateClient(new() { AllowAutoRedirect = false });
    }

    public void Dispose() => _site.Dispose();

    private static DateTime Day(int day) => new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(day);

    [ProviderFact]
    public async Task AnAuthorsPageListsTheirPublishedStoriesNewestFirstUnderTheirName()
    {
        await _site.AddStoryAsync("Tram line opens", slug: "tram", publishedAt: Day(1), author: "Ana Ferreira");
        await _site.AddStoryAsync("Ferry fares rise", slug: "ferry", publishedAt: Day(2), authors: ["Jonah Whitlock", "Ana Ferreira"]);
        await _site.AddStoryAsync("Choir wins prize", slug: "choir", publishedAt: Day(3), author: "Jonah Whitlock");
        await _site.AddStoryAsync("Depot plans", slug: "depot", author: "Ana Ferreira", draft: true);

        var page = await _client.GetDocumentAsync("/authors/ana-ferreira");

        Assert.Equal("Ana Ferreira", page.QuerySelector("h1").Text());
        Assert.Equal(["Ferry fares rise", "Tram line opens"], page.QuerySelectorAll(".card-title").Select(t => t.Text()));
        Assert.Equal("Ana Ferreira — NewsReader", page.Title);
        var feeds = page.QuerySelectorAll("link[rel=alternate][type='application/rss+xml']").Select(l => l.GetAttribute("href"));
        Assert.Contains("/authors/ana-ferreira/feed.xml", feeds);
    }

    [ProviderFact]
    public async Task TheBioIsShownAndAnUnknownAuthorIsNotFound()
    {
        await _site.AddStoryAsync("Tram line opens", author: "Ana Ferreira");
        await _site.SetAuthorBioAsync("ana-ferreira", "Ana covers transport <b>and</b> the harbour.");

        var page = await _client.GetDocumentAsync("/authors/ana-ferreira");
        Assert.Equal("Ana covers transport <b>and</b> the harbour.", page.QuerySelector(".author-bio").Text());

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/authors/nobody")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/authors/nobody/feed.xml")).StatusCode);
    }

    [ProviderFact]
    public async Task TheAuthorsPageIsPagedLikeACategory()
    {
        for (var i = 1; i <= 23; i++)
        {
            await _site.AddStoryAsync($"Harbour diary {i}", slug: $"diary-{i}", publishedAt: Day(i), author: "Ana Ferreira");
        }

        var first = await _client.GetDocumentAsync("/authors/ana-ferreira");
        var second = await _client.GetDocumentAsync("/authors/ana-ferreira?page=2");

        Assert.Equal(20, first.QuerySelectorAll(".card-title").Length);
        Assert.Equal(["Harbour diary 3", "Harbour diary 2", "Harbour diary 1"], second.QuerySelectorAll(".card-title").Select(t => t.Text()));
        Assert.Equal("Ana Ferreira, page 2", second.QuerySelector("h1").Text());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/authors/ana-ferreira?page=3")).StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, (await _client.GetAsync("/authors/ana-ferreira?page=abc")).StatusCode);
    }

    [ProviderTheory]
    [InlineData(new[] { "Ana Ferreira" }, "By Ana Ferreira")]
    [InlineData(new[] { "Ana Ferreira", "Jonah Whitlock" }, "By Ana Ferreira and Jonah Whitlock")]
    [InlineData(new[] { "Ana Ferreira", "Jonah Whitlock", "Priya Castellan" }, "By Ana Ferreira, Jonah Whitlock and Priya Castellan")]
    public async Task BylinesNameEveryAuthorInOrderAndLinkToTheirPages(string[] authors, string byline)
    {
        await _site.AddStoryAsync("Tram line opens", slug: "tram", authors: authors);
        var slugs = authors.Select(a => "/authors/" + NewsReader.Stories.Slug.From(a)).ToList();

        var story = await _client.GetDocumentAsync("/articles/tram");
        var home = await _client.GetDocumentAsync("/");

        var storyByline = story.QuerySelector(".story-header .author");
        Assert.Equal(byline, storyByline.Text());
        Assert.Equal(slugs, storyByline!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        var cardByline = home.QuerySelector(".article-card .author");
        Assert.Equal(byline["By ".Length..], cardByline.Text());
        Assert.Equal(slugs, cardByline!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [ProviderFact]
    public async Task AStoryWithoutAnAuthorHasNoByline()
    {
        await _site.AddStoryAsync("Tram line opens", slug: "tram", author: "");

        var story = await _client.GetDocumentAsync("/articles/tram");

        Assert.Null(story.QuerySelector(".story-header .author"));
    }

    [ProviderFact]
    public async Task StructuredDataNamesEachAuthorAsAPersonWithTheirPage()
    {
        await _site.AddStoryAsync("Tram line opens", slug: "tram", author: "Ana Ferreira");
        await _site.AddStoryAsync("Ferry fares rise", slug: "ferry", authors: ["Ana Ferreira", "Jonah Whitlock"]);

        var one = await JsonLdAsync("/articles/tram");
        var two = await JsonLdAsync("/articles/ferry");

        Assert.Equal("Person", (string?)one["author"]!["@type"]);
        Assert.Equal("Ana Ferreira", (string?)one["author"]!["name"]);
        Assert.Equal("http://localhost/authors/ana-ferreira", (string?)one["author"]!["url"]);
        var people = two["author"]!.AsArray();
        Assert.Equal(["Ana Ferreira", "Jonah Whitlock"], people.Select(p => (string?)p!["name"]));
        Assert.Equal("http://localhost/authors/jonah-whitlock", (string?)people[1]!["url"]);
    }

    [ProviderFact]
    public async Task AnAuthorsFeedHasOnlyTheirPublishedStoriesNewestFirst()
    {
        await _site.AddStoryAsync("Tram line opens", publishedAt: Day(1), author: "Ana Ferreira");
        await _site.AddStoryAsync("Ferry fares rise", publishedAt: Day(2), authors: ["Jonah Whitlock", "Ana Ferreira"]);
        await _site.AddStoryAsync("Choir wins prize", publishedAt: Day(3), author: "Jonah Whitlock");
        await _site.AddStoryAsync("Depot plans", author: "Ana Ferreira", draft: true);

        var response = await _client.GetAsync("/authors/ana-ferreira/feed.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        var xml = await response.Content.ReadAsStringAsync();
        using var reader = XmlReader.Create(new StringReader(xml));
        var feed = SyndicationFeed.Load(reader);

        Assert.Equal("NewsReader: Ana Ferreira", feed.Title.Text);
        Assert.Equal(["Ferry fares rise", "Tram line opens"], feed.Items.Select(i => i.Title.Text));
        Assert.EndsWith("/authors/ana-ferreira", feed.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        // Each author of a story is its own dc:creator, in byline order.
        var dc = System.Xml.Linq.XNamespace.Get("http://purl.org/dc/elements/1.1/");
        var firstItem = System.Xml.Linq.XDocument.Parse(xml).Descendants("item").First();
        Assert.Equal(["Jonah Whitlock", "Ana Ferreira"], firstItem.Elements(dc + "creator").Select(e => e.Value));
    }

    private async Task<JsonNode> JsonLdAsync(string url)
    {
        var page = await _client.GetDocumentAsync(url);
        var script = page.QuerySelector("script[type='application/ld+json']")!.TextContent;
        return JsonNode.Parse(script)!;
    }
}

public sealed class AuthorPageTestsOnSqlite() : AuthorPageTests(DatabaseProvider.Sqlite);

public sealed class AuthorPageTestsOnPostgres() : AuthorPageTests(DatabaseProvider.Postgres);
