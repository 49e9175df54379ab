using Microsoft.EntityFrameworkCore;
using NewsReader.Data;
using NewsReader.Stories;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Stories;

/// <summary>
/// List pages come from the story order kept in memory, not from an OFFSET query: every page must
/// hold the stories, in the order, that the plain query over the database gives, after publishing,
/// unpublishing, deleting and when a scheduled story's time comes on the site's clock.
/// </summary>
public abstract class StoryPositionsTests : IDisposable
{
    private readonly RelatedSiteFactory _site;
    private readonly PublishedStories _stories;

    private readonly DatabaseProvider _provider;

    protected StoryPositionsTests(DatabaseProvider provider)
    {
        _provider = provider;
        _site = new();
        _stories = _site.GetService<PublishedStories>();
    }

    public void Dispose() => _site.Dispose();

    private DateTime Now => _site.Clock.GetUtcNow().UtcDateTime;

    /// <summary>What each page showed before the order was kept in memory: count and skip through the database.</summary>
    private async Task<List<int>> OffsetPageAsync(int page, Func<Story, bool>? inList = null, IReadOnlyCollection<int>? leaveOut = null)
    {
        await using var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        var now = Now;
        var all = await db.Stories.AsNoTracking().Include(a => a.Categories).Include(a => a.Tags)
            .Where(a => a.PublishedAt != null && a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .ToListAsync();
        return all.Where(a => (inList is null || inList(a)) && (leaveOut is null || !leaveOut.Contains(a.Id)))
            .Skip((page - 1) * PublishedStories.PageSize).Take(PublishedStories.PageSize).Select(a => a.Id).ToList();
    }

    private static List<int> Ids(PagedList<StoryListItem> page) => page.Items.Select(s => s.Id).ToList();

    private async Task AddArchiveAsync(int count)
    {
        var start = Now.AddDays(-30);
        for (var i = 0; i < count; i++)
        {
            // Every fifth pair shares its publish time, so ties are broken by id as before.
            var publishedAt = start.AddHours(i - i % 5 / 4);
            await _site.AddStoryAsync($"Story {i}", publishedAt: publishedAt,
                categories: i % 3 == 0 ? ["Transport"] : ["City"], tags: i % 7 == 0 ? ["trams"] : [],
                author: i % 2 == 0 ? "Ana Ferreira" : "Jonah Whitlock");
        }
        await _site.AddStoryAsync("Draft", draft: true, categories: ["Transport"], tags: ["trams"]);
        await _site.AddStoryAsync("Scheduled", publishedAt: Now.AddDays(3), categories: ["Transport"], tags: ["trams"]);
    }

    [ProviderFact]
    public async Task EveryPageOfEveryListHoldsWhatTheOffsetQueryGives()
    {
        await AddArchiveAsync(95);
        var transport = (await _stories.FindTermAsync(TermKind.Category, "transport", default))!;
        var trams = (await _stories.FindTermAsync(TermKind.Tag, "trams", default))!;

        for (var page = 1; page <= 6; page++)
        {
            Assert.Equal(await OffsetPageAsync(page), Ids(await _stories.GetLatestAsync(page, default)));
            Assert.Equal(await OffsetPageAsync(page, a => a.Categories.Any(c => c.CategoryId == transport.Id)),
                Ids(await _stories.GetByTermAsync(transport, page, default)));
            Assert.Equal(await OffsetPageAsync(page, a => a.Tags.Any(t => t.TagId == trams.Id)),
                Ids(await _stories.GetByTermAsync(trams, page, default)));
        }
        Assert.Equal(95, (await _stories.GetLatestAsync(1, default)).TotalCount);
        Assert.Equal(32, (await _stories.GetByTermAsync(transport, 1, default)).TotalCount);
        Assert.Equal(14, (await _stories.GetByTermAsync(trams, 1, default)).TotalCount);
    }

    [ProviderFact]
    public async Task TheHomePageLeavesOutItsLeadsOnEveryPage()
    {
        await AddArchiveAsync(70);
        var leads = new List<int>();
        await using (var db = await _site.GetService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync())
        {
            // Leads from the first page, a page boundary and deep down, featured in that order.
            var order = await db.Stories.Where(a => a.PublishedAt <= Now)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => a.Id).ToListAsync();
            leads.AddRange([order[3], order[20], order[21], order[55]]);
            for (var i = 0; i < leads.Count; i++)
            {
                var id = leads[i];
                await db.Stories.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.FeaturedAt, Now.AddMinutes(-i)));
            }
        }

        for (var page = 1; page <= 4; page++)
        {
            var front = await _stories.GetFrontPageAsync(page, maxLeads: 4, default);
            Assert.Equal(leads, front.Leads.Select(l => l.Id));
            Assert.Equal(await OffsetPageAsync(page, leaveOut: leads), Ids(front.Latest));
            Assert.Equal(66, front.Latest.TotalCount);
        }
    }

    [ProviderFact]
    public async Task AScheduledStoryJoinsTheListsWhenTheClockReachesItsTime()
    {
        await AddArchiveAsync(25);
        var goesLive = Now.AddHours(2);
        var scheduled = await _site.AddStoryAsync("Goes live later", publishedAt: goesLive, categories: ["City"]);
        var city = (await _stories.FindTermAsync(TermKind.Category, "city", default))!;

        var before = await _stories.GetLatestAsync(1, default);
        var cityBefore = await _stories.GetByTermAsync(city, 1, default);
        _site.Clock.Advance(TimeSpan.FromHours(2));
        var after = await _stories.GetLatestAsync(1, default);
        var cityAfter = await _stories.GetByTermAsync(city, 1, default);

        Assert.DoesNotContain(scheduled, Ids(before));
        Assert.Equal(25, before.TotalCount);
        Assert.Equal(scheduled, after.Items[0].Id);
        Assert.Equal(26, after.TotalCount);
        Assert.Equal(cityBefore.TotalCount + 1, cityAfter.TotalCount);
        Assert.Equal(scheduled, cityAfter.Items[0].Id);
        Assert.Equal(await OffsetPageAsync(2), Ids(await _stories.GetLatestAsync(2, default)));
    }

    [ProviderFact]
    public async Task PublishingUnpublishingAndDeletingMoveThePages()
    {
        await AddArchiveAsync(45);
        var writer = _site.GetService<StoryWriter>();
        var changes = _site.GetService<StoryChanges>();
        var dbFactory = _site.GetService<IDbContextFactory<NewsDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var firstOnPageTwo = (await _stories.GetLatestAsync(2, default)).Items[0];

        // Unpublish the newest story: everything moves up one place.
        var newest = (await _stories.GetLatestAsync(1, default)).Items[0];
        var story = await db.Stories.AsNoTracking().Include(a => a.Categories).ThenInclude(c => c.Category).SingleAsync(a => a.Id == newest.Id);
        var draft = new StoryInput(story.Title, story.Slug, story.Summary, ["Ana Ferreira"], story.Body, null, null,
            story.Categories.Select(c => c.Category!.Name).ToList(), []);
        await writer.UpsertBySlugAsync(draft, keepPublishDate: false, default);
        await changes.NotifyAsync([newest.Id], default);
        var pageOne = await _stories.GetLatestAsync(1, default);
        Assert.DoesNotContain(newest.Id, Ids(pageOne));
        Assert.Equal(firstOnPageTwo.Id, pageOne.Items[^1].Id);
        Assert.Equal(44, pageOne.TotalCount);

        // Publish it again, further back in time: it lands where its date puts it.
        var republished = draft with { PublishedAt = Now.AddDays(-29.5) };
        await writer.UpsertBySlugAsync(republished, keepPublishDate: false, default);
        await changes.NotifyAsync([newest.Id], default);
        for (var page = 1; page <= 3; page++)
        {
            Assert.Equal(await OffsetPageAsync(page), Ids(await _stories.GetLatestAsync(page, default)));
        }

        // Delete a story on page two.
        var gone = (await _stories.GetLatestAsync(2, default)).Items[5].Id;
        await db.Stories.Where(a => a.Id == gone).ExecuteDeleteAsync();
        await changes.NotifyAsync([gone], default);
        for (var page = 1; page <= 3; page++)
        {
            var shown = Ids(await _stories.GetLatestAsync(page, default));
            Assert.DoesNotContain(gone, shown);
            Assert.Equal(await OffsetPageAsync(page), shown);
        }
        Assert.Equal(44, (await _stories.GetLatestAsync(1, default)).TotalCount);
    }
}

public sealed class StoryPositionsTestsOnSqlite() : StoryPositionsTests(DatabaseProvider.Sqlite);

public sealed class StoryPositionsTestsOnPostgres() : StoryPositionsTests(DatabaseProvider.Postgres);
