using System.Net;
using NewsReader.Data;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Authors;
using NewsReader.Editing;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Authors;

/// <summary>
/// Cached reader pages that show an author change with them: a rename or a new bio evicts the
/// author's page and every story showing the byline; a story given other authors evicts both pages.
/// </summary>
public abstract class AuthorCacheTests : IAsyncLifetime
{
    private readonly EditingSite _site;
    private readonly HttpClient _reader;
    private AsyncServiceScope _scope;

    private readonly DatabaseProvider _provider;

    protected AuthorCacheTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new();
        _reader = _site.CreateClient(new() { AllowAutoRedirect = false });
    }

    public async Task InitializeAsync() => _scope = await _site.SignedInScopeAsync();

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _site.DisposeAsync();
    }

    /// <summary>Fetches the page twice and checks the second answer came from the cache.</summary>
    private async Task WarmAsync(string url)
    {
        await _reader.GetAsync(url);
        var response = await _reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Age.HasValue, $"{url} was not served from the output cache");
    }

    [ProviderFact]
    public async Task RenamingAnAuthorOrChangingTheBioShowsOnTheNextRequest()
    {
        await _site.AddStoryAsync("Tram line opens", slug: "tram", authors: ["Ana Ferreira"]);
        await _site.AddStoryAsync("Choir wins prize", slug: "choir", authors: ["Jonah Whitlock"]);
        foreach (var url in new[] { "/articles/tram", "/", "/authors/ana-ferreira", "/authors/ana-ferreira/feed.xml" })
        {
            await WarmAsync(url);
        }
        var admin = _scope.ServiceProvider.GetRequiredService<AuthorAdmin>();
        var ana = (await admin.ListAsync(default)).Single(a => a.Name == "Ana Ferreira");

        Assert.Null(await admin.UpdateAsync(ana.Id, new AuthorForm("Ana Lopes", Slug: "ana-ferreira", Bio: "Now on the city desk."), default));

        Assert.Equal("By Ana Lopes", (await _reader.GetDocumentAsync("/articles/tram")).QuerySelector(".story-header .author").Text());
        Assert.Contains("Ana Lopes", (await _reader.GetDocumentAsync("/")).QuerySelectorAll(".article-card .author").Select(a => a.Text()));
        var page = await _reader.GetDocumentAsync("/authors/ana-ferreira");
        Assert.Equal("Ana Lopes", page.QuerySelector("h1").Text());
        Assert.Equal("Now on the city desk.", page.QuerySelector(".author-bio").Text());
        Assert.Contains("Ana Lopes", await _reader.GetStringAsync("/authors/ana-ferreira/feed.xml"));
    }

    [ProviderFact]
    public async Task GivingAStoryOtherAuthorsChangesTheOldAndTheNewAuthorsPages()
    {
        var editing = StoryEditing.From(_scope.ServiceProvider);
        var created = (SaveResult.Saved)await editing.Saver.CreateAsync(
            new StoryDraft("Tram line opens", "tram", "A summary.", "Ana Ferreira", "The tram runs.", "", "City", ""), default);
        var published = (SaveResult.Saved)await editing.Saver.PublishNowAsync(created.Story.Id, created.Story.Version, created.Story.Draft, default);
        await _site.AddStoryAsync("Choir wins prize", slug: "choir", authors: ["Jonah Whitlock"]);
        await WarmAsync("/authors/ana-ferreira");
        await WarmAsync("/authors/jonah-whitlock");

        var saved = await editing.Saver.PublishNowAsync(published.Story.Id, published.Story.Version,
            published.Story.Draft with { Author = "Jonah Whitlock" }, default);

        Assert.IsType<SaveResult.Saved>(saved);
        Assert.Empty((await _reader.GetDocumentAsync("/authors/ana-ferreira")).QuerySelectorAll(".card-title"));
        Assert.Equal(["Choir wins prize", "Tram line opens"],
            (await _reader.GetDocumentAsync("/authors/jonah-whitlock")).QuerySelectorAll(".card-title").Select(t => t.Text()).Order());
    }
}

public sealed class AuthorCacheTestsOnSqlite() : AuthorCacheTests(DatabaseProvider.Sqlite);

public sealed class AuthorCacheTestsOnPostgres() : AuthorCacheTests(DatabaseProvider.Postgres);
