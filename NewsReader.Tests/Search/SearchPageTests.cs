using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Search;

public abstract class SearchPageTests : IDisposable
{
    private readonly NewsSiteFactory _site;
    private readonly HttpClient _client;

    private readonly DatabaseProvider _provider;

    protected SearchPageTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new();
        _client = _site.CreateClient(new() { AllowAutoRedirect = false });
    }

    public void Dispose() => _site.Dispose();

    private static DateTime Day(int day) => new(2026, 10, day, 9, 0, 0, DateTimeKind.Utc);

    private static string[] ResultTitles(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".search-result h2").Select(h => h.Text()).ToArray();

    [ProviderFact]
    public async Task ASearchFindsAStoryByAWordInItsBody()
    {
        await _site.AddStoryAsync("Council meets", "The councillors discussed the **viaduct** repairs.", Day(1), ["City"],
            slug: "council-meets", author: "Ana Ferreira");
        await _site.AddStoryAsync("Festival news", "Music all weekend.", Day(2));

        var response = await _client.GetAsync("/search?q=viaduct");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Council meets"], ResultTitles(page));
        var result = page.QuerySelector(".search-result")!;
        Assert.Equal("/articles/council-meets", result.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("viaduct", result.QuerySelector(".search-excerpt mark").Text());
        Assert.Equal("The councillors discussed the viaduct repairs.", result.QuerySelector(".search-excerpt").Text());
        Assert.Equal("In City", result.QuerySelector(".category-line").Text());
        Assert.Equal("1 story matches “viaduct”.", page.QuerySelector(".search-summary").Text());
    }

    [ProviderFact]
    public async Task EveryWordMustAppearAndStemsMatch()
    {
        await _site.AddStoryAsync("Trams and bridges", "New trams cross the bridge.", Day(1));
        await _site.AddStoryAsync("Trams only", "New trams run on time.", Day(2));

        var page = await _client.GetDocumentAsync("/search?q=tram+bridge");

        Assert.Equal(["Trams and bridges"], ResultTitles(page));
    }

    [ProviderFact]
    public async Task AccentsAndLetterCaseDoNotMatter()
    {
        await _site.AddStoryAsync("Café on the quay", "A new CAFÉ opens.", Day(1));

        var page = await _client.GetDocumentAsync("/search?q=CAFE");

        Assert.Equal(["Café on the quay"], ResultTitles(page));
        Assert.Equal("Café", page.QuerySelector(".search-result h2 mark").Text());
    }

    [ProviderFact]
    public async Task TitleMatchesRankAboveSummaryMatchesAboveBodyMatches()
    {
        await _site.AddStoryAsync("Body mention", "Work on the viaduct starts soon, and the viaduct closes.", Day(3));
        await _site.AddStoryAsync("Summary mention", "Work starts soon.", Day(2), summary: "The viaduct closes.");
        await _site.AddStoryAsync("Viaduct closes for repairs", "Work starts soon.", Day(1));

        var page = await _client.GetDocumentAsync("/search?q=viaduct");

        Assert.Equal(["Viaduct closes for repairs", "Summary mention", "Body mention"], ResultTitles(page));
        Assert.Equal("Viaduct", page.QuerySelector(".search-result h2 mark").Text());
    }

    [ProviderFact]
    public async Task StoryTextInResultsIsShownAsTextNeverAsMarkup()
    {
        await _site.AddStoryAsync("<i>Markup</i> viaduct title", "A <b>viaduct</b> and <script>alert(1)</script> text.", Day(1),
            slug: "markup-story");

        var response = await _client.GetAsync("/search?q=viaduct");
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);

        var result = page.QuerySelector(".search-result")!;
        Assert.Empty(result.QuerySelectorAll("b, i, script"));
        Assert.Contains("<b>viaduct</b>", result.QuerySelector(".search-excerpt").Text());
        Assert.Contains("<i>Markup</i> viaduct title", result.QuerySelector("h2").Text());
        Assert.Equal(["viaduct", "viaduct"], result.QuerySelectorAll("mark").Select(m => m.Text()));
        Assert.DoesNotContain("<script>alert(1)", html);
    }

    [ProviderFact]
    public async Task DraftsAndScheduledStoriesAreNeverFound()
    {
        await _site.AddStoryAsync("Published viaduct story", publishedAt: Day(1));
        await _site.AddStoryAsync("Draft viaduct story", draft: true);
        await _site.AddStoryAsync("Scheduled viaduct story", publishedAt: DateTime.UtcNow.AddDays(2));

        var page = await _client.GetDocumentAsync("/search?q=viaduct");

        Assert.Equal(["Published viaduct story"], ResultTitles(page));
        Assert.Equal("1 story matches “viaduct”.", page.QuerySelector(".search-summary").Text());
    }

    [ProviderFact]
    public async Task TheIndexFollowsEditsAndDeletions()
    {
        await _site.AddStoryAsync("Old headline", "Body text.", Day(1), slug: "edited");
        await _site.AddStoryAsync("Doomed viaduct story", "Body text.", Day(1), slug: "doomed");
        await _site.AddStoryAsync("New headline", "Body text.", Day(1), slug: "edited");
        await using (var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync())
        {
            await db.Stories.Where(a => a.Slug == "doomed").ExecuteDeleteAsync();
        }

        var byOldWord = await _client.GetDocumentAsync("/search?q=old");
        var byNewWord = await _client.GetDocumentAsync("/search?q=new+headline");
        var deleted = await _client.GetDocumentAsync("/search?q=doomed");

        Assert.Empty(ResultTitles(byOldWord));
        Assert.Equal(["New headline"], ResultTitles(byNewWord));
        Assert.Empty(ResultTitles(deleted));
    }

    [ProviderFact]
    public async Task ResultsComeTwentyAPageWithLinksThatKeepTheQuery()
    {
        for (var i = 1; i <= 25; i++)
        {
            await _site.AddStoryAsync($"Harbour story {i}", publishedAt: Day(1).AddHours(i));
        }

        var first = await _client.GetDocumentAsync("/search?q=harbour");
        var second = await _client.GetDocumentAsync("/search?q=harbour&page=2");
        var third = await _client.GetAsync("/search?q=harbour&page=3");

        Assert.Equal(20, first.QuerySelectorAll(".search-result").Length);
        Assert.Equal("/search?q=harbour&page=2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("25 stories match “harbour”.", first.QuerySelector(".search-summary").Text());
        Assert.Equal(5, second.QuerySelectorAll(".search-result").Length);
        Assert.Equal("/search?q=harbour", second.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("21", second.QuerySelector("ol.search-results")!.GetAttribute("start"));
        Assert.Equal(HttpStatusCode.NotFound, third.StatusCode);
    }

    [ProviderTheory]
    [InlineData("/search")]
    [InlineData("/search?q=")]
    [InlineData("/search?q=+++")]
    public async Task AnEmptySearchExplainsWhatToDo(string url)
    {
        var response = await _client.GetAsync(url);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Search", page.QuerySelector("h1").Text());
        Assert.Contains("Type some words", page.QuerySelector(".search-help").Text());
        Assert.NotNull(page.QuerySelector("main form[action='/search'] input[name=q]"));
    }

    [ProviderFact]
    public async Task ASearchWithNoLettersSaysSoAndShowsTheHelp()
    {
        var page = await _client.GetDocumentAsync("/search?q=%22%22%20***%20%25");

        Assert.Contains("There are no letters or numbers to look for in “\"\" *** %”.", page.QuerySelector(".search-help").Text());
    }

    [ProviderFact]
    public async Task ASearchThatFindsNothingSaysSo()
    {
        await _site.AddStoryAsync("Something else");

        var page = await _client.GetDocumentAsync("/search?q=zeppelin");

        Assert.Equal("No stories match “zeppelin”.", page.QuerySelector(".search-summary").Text());
        Assert.Empty(page.QuerySelectorAll(".search-result"));
    }

    [ProviderTheory]
    [InlineData("/search?q=tram&page=99999999")]
    [InlineData("/search?q=tram&page=99999999999999999999")]
    public async Task ResultPagesPastTheLastAnswerNotFound(string url)
    {
        await _site.AddStoryAsync("Tram bridge opens");

        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [ProviderFact]
    public async Task ResultPagesAreKeptOutOfSearchEnginesAndSetNoCookie()
    {
        var response = await _client.GetAsync("/search?q=tram");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("noindex, follow", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [ProviderTheory]
    [InlineData("/")]
    [InlineData("/search?q=tram")]
    [InlineData("/no-such-page")]
    public async Task EveryPageHasASearchBoxInTheAppBar(string url)
    {
        await _site.AddStoryAsync("Tram bridge opens");

        var page = await _client.GetDocumentAsync(url);

        var form = page.QuerySelector("header form[role=search]")!;
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        var input = form.QuerySelector("input[name=q]")!;
        Assert.Equal("Search", page.QuerySelector($"label[for='{input.Id}']").Text());
    }
}

public sealed class SearchPageTestsOnSqlite() : SearchPageTests(DatabaseProvider.Sqlite);

public sealed class SearchPageTestsOnPostgres() : SearchPageTests(DatabaseProvider.Postgres);
