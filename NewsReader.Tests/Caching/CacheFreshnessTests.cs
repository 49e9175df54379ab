using Microsoft.Extensions.Time.Testing;
using NewsReader.Data;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsReader.Caching;
using NewsReader.Editing;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Caching;

/// <summary>
/// Reader pages come from the output cache, and a change made through the site shows on the very
/// next request: every test first proves the page it checks was being served from the cache.
/// </summary>
public abstract class CacheFreshnessTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly EditingSite _site;
    private readonly HttpClient _reader;

    private readonly DatabaseProvider _provider;

    protected CacheFreshnessTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new EditingSite { Provider = _provider, Clock = _clock };
        _reader = _site.CreateClient(new() { AllowAutoRedirect = false });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static DateTime DaysAgo(int days) => Now.UtcDateTime.AddDays(-days);

    private static StoryDraft Draft(string title, string categories = "Transport", string tags = "trams", string body = "The tram runs along the river.") =>
        new(title, "", "A summary.", "Ana Ferreira", body, "", categories, tags);

    /// <summary>Fetches the page twice and checks the second answer came from the cache.</summary>
    private async Task<AngleSharp.Dom.IDocument> WarmAsync(string url, HttpClient? client = null)
    {
        client ??= _reader;
        await client.GetAsync(url);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Age.HasValue, $"{url} was not served from the output cache");
        return Html.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<AngleSharp.Dom.IDocument> ReadAsync(string url) => await _reader.GetDocumentAsync(url);

    [ProviderFact]
    public async Task PublishingAStoryShowsItAtOnceOnHomeItsCategoryItsTagAndItsNeighboursPage()
    {
        await _site.AddStoryAsync("Old tram depot closes", publishedAt: DaysAgo(2), categories: ["Transport"], tags: ["trams"], slug: "old-depot");
        await WarmAsync("/");
        await WarmAsync("/categories/transport");
        await WarmAsync("/tags/trams");
        var olderPage = await WarmAsync("/articles/old-depot");
        Assert.Null(olderPage.QuerySelector(".neighbour-next"));

        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var draft = Assert.IsType<SaveResult.Saved>(await editor.Saver.CreateAsync(Draft("New tram line opens"), default)).Story;
        Assert.IsType<SaveResult.Saved>(await editor.Saver.PublishNowAsync(draft.Id, draft.Version, draft.Draft, default));

        Assert.Contains("New tram line opens", (await ReadAsync("/")).Body!.TextContent);
        Assert.Contains("New tram line opens", (await ReadAsync("/categories/transport")).Body!.TextContent);
        Assert.Contains("New tram line opens", (await ReadAsync("/tags/trams")).Body!.TextContent);
        Assert.Equal("New tram line opens", (await ReadAsync("/articles/old-depot")).QuerySelector(".neighbour-next .neighbour-title").Text());
        Assert.Contains("New tram line opens", await _reader.GetStringAsync("/feed.xml"));
    }

    [ProviderFact]
    public async Task EditingAPublishedStoryChangesItsPageItsCardAndTheLinksToItOnOtherPages()
    {
        await _site.AddStoryAsync("Tram depot opens", "The tram depot by the viaduct opened a tram platform.", DaysAgo(3), ["Transport"], slug: "depot");
        await _site.AddStoryAsync("Tram timetable changes", "The tram timetable for the depot and the viaduct platform changes.", DaysAgo(2), ["Transport"], slug: "timetable");
        var neighbourPage = await WarmAsync("/articles/depot");
        Assert.Equal("Tram timetable changes", neighbourPage.QuerySelector(".neighbour-next .neighbour-title").Text());
        Assert.Contains("Tram timetable changes", neighbourPage.QuerySelectorAll(".related-stories li a").Select(a => a.Text()));
        await WarmAsync("/articles/timetable");
        await WarmAsync("/");

        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var id = (await editor.List.ListAsync(new StoryQuery(), default)).Rows.Single(r => r.Title == "Tram timetable changes").Id;
        var story = (await editor.Saver.GetAsync(id, default))!;
        Assert.IsType<SaveResult.Saved>(await editor.Saver.PublishNowAsync(id, story.Version,
            story.Draft with { Title = "Tram timetable changes again", Body = "The tram timetable changes again at the depot." }, default));

        var page = await ReadAsync("/articles/timetable");
        Assert.Equal("Tram timetable changes again", page.QuerySelector("h1").Text());
        Assert.Contains("changes again at the depot", page.QuerySelector(".story-body").Text());
        Assert.Contains("Tram timetable changes again", (await ReadAsync("/")).Body!.TextContent);
        var other = await ReadAsync("/articles/depot");
        Assert.Equal("Tram timetable changes again", other.QuerySelector(".neighbour-next .neighbour-title").Text());
        Assert.Contains("Tram timetable changes again", other.QuerySelectorAll(".related-stories li a").Select(a => a.Text()));
    }

    [ProviderFact]
    public async Task UnpublishingAStoryTakesItOffItsPageTheListsAndTheLinksAtOnce()
    {
        await _site.AddStoryAsync("Tram depot opens", "The tram depot by the viaduct opened a tram platform.", DaysAgo(3), ["Transport"], slug: "depot");
        await _site.AddStoryAsync("Tram timetable changes", "The tram timetable for the depot and the viaduct platform changes.", DaysAgo(2), ["Transport"], slug: "timetable");
        await WarmAsync("/articles/timetable");
        await WarmAsync("/articles/depot");
        await WarmAsync("/");
        await WarmAsync("/categories/transport");

        var (editor, scope) = await _site.EditorAsync();
        await using var _ = scope;
        var id = (await editor.List.ListAsync(new StoryQuery(), default)).Rows.Single(r => r.Title == "Tram timetable changes").Id;
        var story = (await editor.Saver.GetAsync(id, default))!;
        Assert.IsType<SaveResult.Saved>(await editor.Saver.SaveAsync(id, story.Version, story.Draft, PublishAction.Unpublish, null, default));

        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/articles/timetable")).StatusCode);
        Assert.DoesNotContain("Tram timetable changes", (await ReadAsync("/")).Body!.TextContent);
        Assert.DoesNotContain("Tram timetable changes", (await ReadAsync("/categories/transport")).Body!.TextContent);
        var other = await ReadAsync("/articles/depot");
        Assert.Null(other.QuerySelector(".neighbour-next"));
        Assert.DoesNotContain("Tram timetable changes", other.QuerySelector("main")!.TextContent);
    }

    [ProviderFact]
    public async Task AReactionShowsAtOnceToEveryReaderAndTheReaderSeesTheirOwnChoice()
    {
        await _site.AddStoryAsync("Tram depot opens", publishedAt: DaysAgo(1), slug: "depot");
        var anonymous = await WarmAsync("/articles/depot");
        Assert.Equal("No responses yet", anonymous.QuerySelector("#reactions .reaction-total").Text());

        var reacting = _site.CreateClient(new() { AllowAutoRedirect = false });
        var post = new HttpRequestMessage(HttpMethod.Post, "/articles/depot/reactions")
        {
            Content = new FormUrlEncodedContent([new("kind", "happy")]),
        };
        post.Headers.Add("Origin", "http://localhost");
        post.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.SeeOther, (await reacting.SendAsync(post)).StatusCode);

        var own = await WarmAsync("/articles/depot", reacting);
        Assert.Equal("1 response", own.QuerySelector("#reactions .reaction-total").Text());
        Assert.Equal("true", own.QuerySelector("button[value=happy]")!.GetAttribute("aria-pressed"));
        var everyoneElse = await WarmAsync("/articles/depot");
        Assert.Equal("1 response", everyoneElse.QuerySelector("#reactions .reaction-total").Text());
        Assert.Equal("false", everyoneElse.QuerySelector("button[value=happy]")!.GetAttribute("aria-pressed"));
    }

    [ProviderFact]
    public async Task AScheduledStoryAppearsWhenItsTimeComesAndCachedPagesLiveNoLongerThanThat()
    {
        await _site.AddStoryAsync("Old tram depot closes", publishedAt: DaysAgo(2), slug: "old-depot");
        await _site.AddStoryAsync("Night trams start", publishedAt: Now.UtcDateTime.AddMinutes(5), slug: "night-trams");
        await WarmAsync("/");
        Assert.Equal(TimeSpan.FromMinutes(5), await _site.GetService<ReaderPageEvictor>().LifetimeFromNowAsync(default));
        Assert.DoesNotContain("Night trams start", (await ReadAsync("/")).Body!.TextContent);

        _clock.Advance(TimeSpan.FromMinutes(6));
        var scheduled = _site.Services.GetServices<IHostedService>().OfType<ScheduledStories>().Single();
        await scheduled.AnnounceDueAsync(default);

        Assert.Contains("Night trams start", (await ReadAsync("/")).Body!.TextContent);
        Assert.Equal("Night trams start", (await ReadAsync("/articles/old-depot")).QuerySelector(".neighbour-next .neighbour-title").Text());
        Assert.Equal(ReaderPageEvictor.MaximumLifetime, await _site.GetService<ReaderPageEvictor>().LifetimeFromNowAsync(default));
    }

    [ProviderFact]
    public async Task RenamingACategoryChangesTheMenuOnEveryCachedPage()
    {
        await _site.AddStoryAsync("Tram depot opens", publishedAt: DaysAgo(1), categories: ["Transport"], slug: "depot");
        var before = await WarmAsync("/articles/depot");
        Assert.Contains("Transport", before.QuerySelectorAll(".category-nav a").Select(a => a.Text()));
        await WarmAsync("/");

        await using var scope = await _site.SignedInScopeAsync();
        var categories = scope.ServiceProvider.GetRequiredService<CategoryAdmin>();
        var transport = (await categories.ListAsync(default)).Single(c => c.Name == "Transport");
        Assert.Null(await categories.RenameAsync(transport.Id, "Getting around", default));

        foreach (var url in new[] { "/", "/articles/depot" })
        {
            var menu = (await ReadAsync(url)).QuerySelectorAll(".category-nav a").Select(a => a.Text()).ToList();
            Assert.Contains("Getting around", menu);
            Assert.DoesNotContain("Transport", menu);
        }
    }

    [ProviderFact]
    public async Task ABulkChangeOfManyStoriesAlsoRefreshesTheCategoryMenu()
    {
        await _site.AddStoryAsync("Tram depot opens", publishedAt: DaysAgo(1), categories: ["Transport"], slug: "depot");
        Assert.DoesNotContain("Weather", (await WarmAsync("/")).QuerySelectorAll(".category-nav a").Select(a => a.Text()));

        // Saved without announcing each one, then announced in one batch, as an import does.
        var ids = new List<int>();
        for (var i = 0; i < 60; i++)
        {
            var saved = await _site.GetService<NewsReader.Stories.StoryWriter>().UpsertBySlugAsync(
                new NewsReader.Stories.StoryInput($"Storm warning {i}", null, "", ["Ana Ferreira"], "Wind and rain.", null,
                    DaysAgo(2), ["Weather"], []), default);
            ids.Add(saved.StoryId);
        }
        await _site.GetService<NewsReader.Stories.StoryChanges>().NotifyAsync(ids, default);

        var menu = (await ReadAsync("/articles/depot")).QuerySelectorAll(".category-nav a").Select(a => a.Text()).ToList();
        Assert.Equal("Weather", menu[0]);
    }

    [ProviderFact]
    public async Task WithOutputCacheOffNothingIsServedFromTheCache()
    {
        await using var site = new NewsSiteFactory { Provider = _provider, Settings = { ["NewsReader:OutputCache"] = "false" } };
        await site.AddStoryAsync("Tram depot opens", publishedAt: DaysAgo(1), categories: ["Transport"], slug: "depot");
        var client = site.CreateClient();

        foreach (var url in new[] { "/", "/articles/depot", "/categories/transport" })
        {
            await client.GetAsync(url);
            var response = await client.GetAsync(url);
            Assert.Null(response.Headers.Age);
        }
    }
}

public sealed class CacheFreshnessTestsOnSqlite() : CacheFreshnessTests(DatabaseProvider.Sqlite);

public sealed class CacheFreshnessTestsOnPostgres() : CacheFreshnessTests(DatabaseProvider.Postgres);
