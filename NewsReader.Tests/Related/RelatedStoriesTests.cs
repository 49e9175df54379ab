using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsReader.Editing;
using Microsoft.EntityFrameworkCore;
using NewsReader.Stories;
using NewsReader.Data;
using NewsReader.Related;
using NewsReader.Tests.Support;
using NewsReader.Tests.Support.RelatedEvaluation;

namespace NewsReader.Tests.Related;

public abstract class RelatedStoriesTests : IDisposable
{
    private readonly RelatedSiteFactory _site;
    private readonly HttpClient _client;

    private readonly DatabaseProvider _provider;

    protected RelatedStoriesTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new();
        _client = _site.CreateClient(new() { AllowAutoRedirect = false });
    }

    public void Dispose() => _site.Dispose();

    private static DateTime Day(int day) => new(2026, 10, day, 9, 0, 0, DateTimeKind.Utc);

    private const string Trams = "The tram depot by the viaduct opened a new tram platform, and tram passengers praised the tram timetable.";
    private const string Harvest = "The wheat harvest filled every granary; barley farmers watched the orchard and the drought.";

    private async Task<List<string>> RelatedTitlesAsync(string slug)
    {
        var page = await _client.GetDocumentAsync($"/articles/{slug}");
        return page.QuerySelectorAll(".related-stories li a").Select(a => a.Text()).ToList();
    }

    [ProviderFact]
    public async Task AStoryPageListsUpToFourRelatedStoriesTheMostSimilarFirst()
    {
        await _site.AddStoryAsync("Tram depot opens", Trams, Day(1), slug: "tram-depot");
        await _site.AddStoryAsync("Tram timetable changes", "The tram timetable for the depot and the viaduct platform changes.", Day(2));
        await _site.AddStoryAsync("Tram passengers wait", "Tram passengers waited at the platform.", Day(3));
        await _site.AddStoryAsync("Viaduct repairs", "The viaduct gets repairs.", Day(4));
        await _site.AddStoryAsync("Depot fire drill", "A drill at the depot.", Day(5));
        await _site.AddStoryAsync("Wheat harvest", Harvest, Day(6));

        var page = await _client.GetDocumentAsync("/articles/tram-depot");

        Assert.Equal("Related stories", page.QuerySelector(".related-stories h2").Text());
        var titles = page.QuerySelectorAll(".related-stories li a").Select(a => a.Text()).ToList();
        Assert.Equal(4, titles.Count);
        Assert.Equal("Tram timetable changes", titles[0]);
        Assert.DoesNotContain("Tram depot opens", titles);
        Assert.DoesNotContain("Wheat harvest", titles);
    }

    [ProviderFact]
    public async Task DraftsNeverAppearAndAScheduledStoryAppearsWhenItsTimeComesWithoutASave()
    {
        await _site.AddStoryAsync("Tram depot opens", Trams, Day(1), slug: "tram-depot");
        await _site.AddStoryAsync("Tram depot draft", Trams, draft: true);
        var dueAt = _site.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        await _site.AddStoryAsync("Tram depot tomorrow", Trams, dueAt);

        var before = await RelatedTitlesAsync("tram-depot");
        _site.Clock.Advance(TimeSpan.FromHours(2));
        // What the running site's ScheduledStories does within seconds; it evicts the cached page.
        await _site.Services.GetServices<IHostedService>().OfType<ScheduledStories>().Single().AnnounceDueAsync(default);
        var after = await RelatedTitlesAsync("tram-depot");

        Assert.Empty(before);
        Assert.Equal(["Tram depot tomorrow"], after);
    }

    [ProviderFact]
    public async Task AnUnpublishedOrDeletedStoryLeavesTheOtherStoriesLists()
    {
        await _site.AddStoryAsync("Tram depot opens", Trams, Day(1), slug: "tram-depot");
        await _site.AddStoryAsync("Tram depot again", Trams, Day(2), slug: "tram-depot-again");
        var goneId = await _site.AddStoryAsync("Tram depot once more", Trams, Day(3), slug: "tram-depot-once-more");
        Assert.Equal(["Tram depot once more", "Tram depot again"], await RelatedTitlesAsync("tram-depot"));

        await _site.AddStoryAsync("Tram depot again", Trams, slug: "tram-depot-again", draft: true);
        await using (var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync())
        {
            await db.Stories.Where(a => a.Id == goneId).ExecuteDeleteAsync();
        }
        await _site.GetService<StoryChanges>().NotifyAsync([goneId], CancellationToken.None);

        Assert.Empty(await RelatedTitlesAsync("tram-depot"));
        await using var check = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        Assert.False(await check.RelatedStories.AnyAsync(r => r.RelatedStoryId == goneId));
    }

    [ProviderFact]
    public async Task ARewrittenStoryMovesToTheListsOfItsNewTopic()
    {
        await _site.AddStoryAsync("Tram depot opens", Trams, Day(1), slug: "tram-depot");
        await _site.AddStoryAsync("Wheat harvest", Harvest, Day(2), slug: "wheat-harvest");
        await _site.AddStoryAsync("Changing story", Trams, Day(3), slug: "changing");
        Assert.Equal(["Changing story"], await RelatedTitlesAsync("tram-depot"));

        await _site.AddStoryAsync("Changing story", Harvest, Day(3), slug: "changing");

        Assert.Empty(await RelatedTitlesAsync("tram-depot"));
        Assert.Equal(["Changing story"], await RelatedTitlesAsync("wheat-harvest"));
    }

    [ProviderFact]
    public async Task StoriesAddedOneByOneFindTheirOwnTopicWhenCategoriesCutAcrossTopics()
    {
        var stories = RelatedTopicCorpus.Generate(storiesPerTopic: 15, seed: 7);
        var topicOf = new Dictionary<int, string>();
        for (var i = 0; i < stories.Count; i++)
        {
            var s = stories[i];
            var id = await _site.AddStoryAsync(s.Title, s.Body, Day(1).AddHours(i), s.Categories, s.Tags, summary: s.Summary);
            topicOf[id] = s.Topic;
        }
        var incremental = await RelatedLists.PrecisionAtThreeAsync(_site, topicOf);
        await _site.GetService<RelatedBulkRanking>().StartOverAsync(CancellationToken.None);
        var recomputed = await RelatedLists.PrecisionAtThreeAsync(_site, topicOf);

        Assert.True(incremental >= 0.9, $"added one by one, only {incremental:P0} of the first three related stories share the topic");
        Assert.True(recomputed >= 0.9, $"recomputed, only {recomputed:P0} of the first three related stories share the topic");
    }

    [ProviderFact]
    public async Task TheEvaluationSetStaysOnSubjectWhenItsStoriesAreSavedOneByOne()
    {
        // The site's own path: stored counts, document frequencies that grow with each save, merges.
        var stories = RelatedEvaluationCorpus.Stories;
        var subjectOf = new Dictionary<int, string>();
        for (var i = 0; i < stories.Count; i++)
        {
            var s = stories[i];
            var id = await _site.AddStoryAsync(s.Title, s.Body, Day(1).AddHours(i), s.Categories, s.Tags, summary: s.Summary);
            subjectOf[id] = s.Subject;
        }

        var share = await RelatedLists.PrecisionAtThreeAsync(_site, subjectOf);

        Assert.True(share >= 0.95, $"saved one by one, P@3 is {share:F3}");
    }

    [ProviderFact]
    public async Task ListsStoredByAnOlderRankingAreRankedAgainOnTheNextStart()
    {
        await _site.Services.GetServices<IHostedService>().OfType<RelatedStoriesCatchUp>().Single().ExecuteTask!;
        var tramId = await _site.AddStoryAsync("Tram depot opens", Trams, Day(1));
        var otherId = await _site.AddStoryAsync("Tram depot again", Trams, Day(2));
        await using (var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync())
        {
            // A database from before the version marker: terms counted, lists made by the old ranking (here: none).
            await db.RelatedStories.ExecuteDeleteAsync();
            await db.Set<TermStat>().Where(s => s.Term == RelatedStoriesUpdater.VersionTerm).ExecuteDeleteAsync();
        }

        using var catchUp = ActivatorUtilities.CreateInstance<RelatedStoriesCatchUp>(_site.Services);
        await catchUp.StartAsync(CancellationToken.None);
        await catchUp.ExecuteTask!;

        var related = await RelatedLists.OfAsync(_site, tramId);
        Assert.Equal([otherId], related.Select(r => r.Id));
        await using var check = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        Assert.Equal(RelatedStoriesUpdater.RankingVersion,
            await check.Set<TermStat>().Where(s => s.Term == RelatedStoriesUpdater.VersionTerm).Select(s => s.Documents).SingleAsync());
    }

    [ProviderFact]
    public async Task PreviousAndNextAreThePublishedNeighboursByDate()
    {
        await _site.AddStoryAsync("First story", publishedAt: Day(1), slug: "first");
        await _site.AddStoryAsync("Middle story", publishedAt: Day(2), slug: "middle");
        await _site.AddStoryAsync("Draft story", draft: true);
        await _site.AddStoryAsync("Last story", publishedAt: Day(3), slug: "last");
        await _site.AddStoryAsync("Scheduled story", publishedAt: _site.Clock.GetUtcNow().UtcDateTime.AddDays(1));

        var middle = await _client.GetDocumentAsync("/articles/middle");
        var last = await _client.GetDocumentAsync("/articles/last");
        var first = await _client.GetDocumentAsync("/articles/first");

        Assert.Equal("Previous story First story", middle.QuerySelector(".story-neighbours a[rel=prev]").Text());
        Assert.Equal("/articles/first", middle.QuerySelector(".story-neighbours a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("Next story Last story", middle.QuerySelector(".story-neighbours a[rel=next]").Text());
        Assert.Null(last.QuerySelector(".story-neighbours a[rel=next]"));
        Assert.Null(first.QuerySelector(".story-neighbours a[rel=prev]"));
    }

    [ProviderFact]
    public async Task TheBlocksComeUnderTheBodyInOrderReactionsRelatedThenNeighbours()
    {
        await _site.AddStoryAsync("Tram depot opens", Trams, Day(1), slug: "tram-depot");
        await _site.AddStoryAsync("Tram depot again", Trams, Day(2));

        var page = await _client.GetDocumentAsync("/articles/tram-depot");

        var order = page.QuerySelectorAll(".story-body, #reactions, .related-stories, .story-neighbours")
            .Select(e => e.ClassName == "" ? e.Id : e.ClassName!.Split(' ')[0]).ToList();
        Assert.Equal(["story-body", "reactions", "related-stories", "story-neighbours"], order);
    }
}

public sealed class RelatedStoriesTestsOnSqlite() : RelatedStoriesTests(DatabaseProvider.Sqlite);

public sealed class RelatedStoriesTestsOnPostgres() : RelatedStoriesTests(DatabaseProvider.Postgres);
