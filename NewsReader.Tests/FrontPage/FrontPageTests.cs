using System.Net;
using NewsReader.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsReader.Accounts;
using NewsReader.FrontPage;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.FrontPage;

/// <summary>
/// Featured leads on the home page and the breaking banner on every reader page, set by an editor
/// and seen by a reader through the output cache: each test first proves the page was cached.
/// </summary>
public abstract class FrontPageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 14, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] FourTitles = ["One", "Two", "Three", "Four"];
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly EditingSite _site;
    private readonly HttpClient _reader;

    private readonly DatabaseProvider _provider;

    protected FrontPageTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new EditingSite { Provider = _provider, Clock = _clock };
        _reader = _site.CreateClient(new() { AllowAutoRedirect = false });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private Task<int> StoryAsync(string title, int hoursAgo, bool draft = false) =>
        _site.AddStoryAsync(title, publishedAt: Now.UtcDateTime.AddHours(-hoursAgo), categories: ["City"],
            slug: NewsReader.Stories.Slug.From(title), draft: draft);

    private async Task<AngleSharp.Dom.IDocument> WarmAsync(string url)
    {
        await _reader.GetAsync(url);
        var response = await _reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Age.HasValue, $"{url} was not served from the output cache");
        return Html.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<T> AsEditorAsync<T>(Func<FrontPageDesk, Task<T>> action, string role = Roles.Editor)
    {
        await using var scope = await _site.SignedInScopeAsync(role == Roles.Editor ? "editor@example.org" : $"{role.ToLowerInvariant()}@example.org", role);
        return await action(scope.ServiceProvider.GetRequiredService<FrontPageDesk>());
    }

    private static string[] CardTitles(AngleSharp.Dom.IDocument page, string selector) =>
        page.QuerySelectorAll($"{selector} .card-title").Select(t => t.TextContent.Trim()).ToArray();

    [ProviderFact]
    public async Task AFeaturedStoryLeadsTheHomePageAtOnceAndIsNotRepeatedBelow()
    {
        await StoryAsync("Harbour bridge reopens", hoursAgo: 30);
        await StoryAsync("Market moves indoors", hoursAgo: 2);
        var bridge = await StoryAsync("Council votes on the budget", hoursAgo: 20);
        var before = await WarmAsync("/");
        Assert.Null(before.QuerySelector(".front-leads"));

        var result = await AsEditorAsync(desk => desk.FeatureAsync(bridge, true, default));

        Assert.True(result.Succeeded, result.Message);
        var home = await _reader.GetDocumentAsync("/");
        Assert.Equal(["Council votes on the budget"], CardTitles(home, ".front-leads"));
        Assert.NotNull(home.QuerySelector(".front-leads .lead-card"));
        Assert.Equal(["Market moves indoors", "Harbour bridge reopens"], CardTitles(home, ".article-list"));

        await AsEditorAsync(desk => desk.FeatureAsync(bridge, false, default));
        var after = await _reader.GetDocumentAsync("/");
        Assert.Null(after.QuerySelector(".front-leads"));
        Assert.Equal(["Market moves indoors", "Council votes on the budget", "Harbour bridge reopens"], CardTitles(after, ".article-list"));
    }

    [ProviderFact]
    public async Task AtMostThreeLeadsTheNewestFeaturedFirstAndTheOldestMakesRoom()
    {
        var ids = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await StoryAsync($"Story {FourTitles[i]}", hoursAgo: 10 - i));
        }
        foreach (var id in ids)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await AsEditorAsync(desk => desk.FeatureAsync(id, true, default));
        }

        var home = await _reader.GetDocumentAsync("/");

        Assert.Equal(["Story Four", "Story Three", "Story Two"], CardTitles(home, ".front-leads"));
        Assert.Equal("Story Four", home.QuerySelector(".lead-card .card-title")?.TextContent.Trim());
        Assert.Equal(["Story One"], CardTitles(home, ".article-list"));
        Assert.False((await AsEditorAsync(desk => desk.GetAsync(ids[0], default)))!.Featured);
    }

    [ProviderFact]
    public async Task ADraftCannotBeFeaturedOrBreakingAndNothingChanges()
    {
        var draft = await StoryAsync("Not ready yet", hoursAgo: 0, draft: true);

        var featured = await AsEditorAsync(desk => desk.FeatureAsync(draft, true, default));
        var breaking = await AsEditorAsync(desk => desk.BreakAsync(draft, true, default));

        Assert.False(featured.Succeeded);
        Assert.Contains("Publish or schedule the story", featured.Message);
        Assert.False(breaking.Succeeded);
        Assert.Contains("Only a published story", breaking.Message);
        Assert.Equal(new FrontPagePlace(false, null), await AsEditorAsync(desk => desk.GetAsync(draft, default)));
    }

    [ProviderFact]
    public async Task TheBreakingBannerShowsOnEveryReaderPageAtOnceUntilCleared()
    {
        var storm = await StoryAsync("Storm closes the coast road", hoursAgo: 1);
        await StoryAsync("Library extends its hours", hoursAgo: 3);
        foreach (var url in new[] { "/", "/articles/library-extends-its-hours", "/categories/city", "/search?q=library" })
        {
            Assert.Null((await WarmAsync(url)).QuerySelector(".breaking-banner"));
        }

        await AsEditorAsync(desk => desk.BreakAsync(storm, true, default));

        foreach (var url in new[] { "/", "/articles/library-extends-its-hours", "/categories/city", "/search?q=library" })
        {
            var banner = (await _reader.GetDocumentAsync(url)).QuerySelector(".breaking-banner a");
            Assert.True(banner is not null, $"no banner on {url}");
            Assert.Equal("Storm closes the coast road", banner.TextContent.Trim());
            Assert.Equal("/articles/storm-closes-the-coast-road", banner.GetAttribute("href"));
        }

        await AsEditorAsync(desk => desk.BreakAsync(storm, false, default));
        Assert.Null((await _reader.GetDocumentAsync("/articles/library-extends-its-hours")).QuerySelector(".breaking-banner"));
    }

    [ProviderFact]
    public async Task TheBannerEndsByItselfAfter24HoursEvenOnACachedPage()
    {
        var storm = await StoryAsync("Storm closes the coast road", hoursAgo: 1);
        await AsEditorAsync(desk => desk.BreakAsync(storm, true, default));
        Assert.NotNull((await WarmAsync("/")).QuerySelector(".breaking-banner"));

        _clock.Advance(TimeSpan.FromHours(23));
        Assert.NotNull((await _reader.GetDocumentAsync("/")).QuerySelector(".breaking-banner"));
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        // The site's own timer runs this pass too; passes take turns, so after ours the end is announced.
        await _site.GetService<NewsReader.Editing.ScheduledStories>().AnnounceDueAsync(default);

        Assert.Null((await _reader.GetDocumentAsync("/")).QuerySelector(".breaking-banner"));
        var place = await AsEditorAsync(desk => desk.GetAsync(storm, default));
        Assert.Null(place!.BreakingUntil);
    }

    [ProviderFact]
    public async Task OnlyEditorsMayFeatureOrBreakAStory()
    {
        var story = await StoryAsync("Harbour bridge reopens", hoursAgo: 1);
        await using var anonymous = _site.Services.CreateAsyncScope();
        var desk = anonymous.ServiceProvider.GetRequiredService<FrontPageDesk>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => desk.FeatureAsync(story, true, default));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => desk.BreakAsync(story, true, default));
        Assert.Null((await _reader.GetDocumentAsync("/")).QuerySelector(".front-leads"));
    }
}

public sealed class FrontPageTestsOnSqlite() : FrontPageTests(DatabaseProvider.Sqlite);

public sealed class FrontPageTestsOnPostgres() : FrontPageTests(DatabaseProvider.Postgres);
