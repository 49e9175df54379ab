using System.Net;
using NewsReader.Caching;
using NewsReader.Editing;
using NewsReader.Stories;
using NewsReader.Tests.Support;
using StackExchange.Redis;

namespace NewsReader.Tests.Caching;

/// <summary>
/// Two instances of the site on one database and one Redis server, as behind a load balancer: a
/// change made through one shows on the other at once, from the shared output cache, the other's
/// fast path and what it keeps in memory. Each test has keys of its own in Redis (a prefix), so
/// tests and other users of the server never meet.
/// </summary>
public sealed class RedisCacheTests : IAsyncLifetime
{
    private readonly string _prefix = $"newsreader-test:{Guid.NewGuid():N}:";
    private EditingSite _a = null!;
    private EditingSite _b = null!;
    private HttpClient _readerA = null!;
    private HttpClient _readerB = null!;
    private ConnectionMultiplexer _redis = null!;

    private static DateTime DaysAgo(int days) => DateTime.UtcNow.AddDays(-days);

    public async Task InitializeAsync()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(RedisFactAttribute.Configuration!);
        _a = Instance();
        // A first, so that it alone creates the database; B then starts on it.
        _readerA = _a.CreateClient(new() { AllowAutoRedirect = false });
        _b = Instance(_a.ConnectionString);
        _readerB = _b.CreateClient(new() { AllowAutoRedirect = false });
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        var server = _redis.GetServers()[0];
        await foreach (var key in server.KeysAsync(pattern: _prefix + "*"))
        {
            await _redis.GetDatabase().KeyDeleteAsync(key);
        }
        await _redis.DisposeAsync();
    }

    private EditingSite Instance(string? databaseOf = null)
    {
        var site = new EditingSite();
        site.Settings["ConnectionStrings:Redis"] = RedisFactAttribute.Configuration;
        site.Settings["NewsReader:Redis:InstanceName"] = _prefix;
        if (databaseOf is not null)
        {
            site.Settings["ConnectionStrings:News"] = databaseOf;
        }
        return site;
    }

    /// <summary>Fetches the page twice through <paramref name="reader"/>; the second answer must come from a cache.</summary>
    private static async Task WarmAsync(HttpClient reader, string url)
    {
        await reader.GetAsync(url);
        var response = await reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Age.HasValue, $"{url} was not served from the cache");
    }

    private static async Task<string> TitlesAsync(HttpClient reader, string url)
    {
        var page = await reader.GetDocumentAsync(url);
        return string.Join(" | ", page.QuerySelectorAll("h1, h2, h3").Select(h => h.TextContent.Trim()));
    }

    /// <summary>Waits (briefly) for a message from the other instance to have arrived.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 5000, $"Timed out waiting until {what}");
            await Task.Delay(20);
        }
    }

    private async Task<int> KeyCountAsync(string pattern)
    {
        var count = 0;
        await foreach (var _ in _redis.GetServers()[0].KeysAsync(pattern: _prefix + pattern))
        {
            count++;
        }
        return count;
    }

    [RedisFact]
    public async Task OutputCacheEntriesAreKeptInRedis()
    {
        await _a.AddStoryAsync("Tram depot opens", publishedAt: DaysAgo(1), categories: ["Transport"], slug: "depot");
        var before = await KeyCountAsync("*");

        await WarmAsync(_readerA, "/articles/depot");
        await WarmAsync(_readerA, "/categories/transport");

        Assert.True(await KeyCountAsync("*") >= before + 2, "the two cached pages added no keys under the site's prefix in Redis");
    }

    [RedisFact]
    public async Task APageCachedByOneInstanceIsServedByTheOtherFromRedis()
    {
        await _a.AddStoryAsync("Tram depot opens", publishedAt: DaysAgo(1), categories: ["Transport"], slug: "depot");
        await WarmAsync(_readerA, "/articles/depot");

        var fromB = await _readerB.GetAsync("/articles/depot");

        Assert.True(fromB.Headers.Age.HasValue, "B rendered the page again instead of taking A's copy from Redis");
        Assert.Equal(0, _b.GetService<ReaderPageFastPath>().Count);
    }

    [RedisFact]
    public async Task AStoryEditedThroughOneInstanceShowsOnTheOtherAndDropsItsFastPathCopy()
    {
        await _a.AddStoryAsync("Tram depot opens", publishedAt: DaysAgo(1), categories: ["Transport"], slug: "depot");
        await WarmAsync(_readerB, "/articles/depot");
        var fastPathB = _b.GetService<ReaderPageFastPath>();
        Assert.Equal(1, fastPathB.Count);

        await _a.AddStoryAsync("Tram depot opens a week late", publishedAt: DaysAgo(1), categories: ["Transport"], slug: "depot");
        await WaitUntilAsync(() => fastPathB.Count == 0, "B dropped its fast-path copy");

        Assert.Contains("Tram depot opens a week late", await TitlesAsync(_readerB, "/articles/depot"));
    }

    [RedisFact]
    public async Task AReactionEvictedOnOneInstanceDropsTheOthersCopyButKeepsItsStoryOrder()
    {
        var id = await _a.AddStoryAsync("Tram depot opens", publishedAt: DaysAgo(1), categories: ["Transport"], slug: "depot");
        await WarmAsync(_readerB, "/articles/depot");
        var orderB = await _b.GetService<StoryPositions>().GetAsync(CancellationToken.None);

        await _a.GetService<ReaderPageEvictor>().StoryPageChangedAsync(id, CancellationToken.None);

        var fastPathB = _b.GetService<ReaderPageFastPath>();
        await WaitUntilAsync(() => fastPathB.Count == 0, "B dropped its fast-path copy");
        Assert.Same(orderB, await _b.GetService<StoryPositions>().GetAsync(CancellationToken.None));
    }

    [RedisFact]
    public async Task ListPagesOnOneInstanceShowAStoryAddedThroughTheOther()
    {
        for (var i = 0; i < PublishedStories.PageSize; i++)
        {
            await _a.AddStoryAsync($"Transport story {i}", publishedAt: DaysAgo(30 - i), categories: ["Transport"], slug: $"transport-{i}");
        }
        await WarmAsync(_readerB, "/categories/transport");
        Assert.Equal(PublishedStories.PageSize, (await _b.GetService<StoryPositions>().GetAsync(CancellationToken.None)).Count);
        Assert.DoesNotContain("Transport story 0", await TitlesAsync(_readerB, "/categories/transport?page=2"));

        await _a.AddStoryAsync("Night trams return", publishedAt: DaysAgo(0), categories: ["Transport"], slug: "night-trams");
        var positionsB = _b.GetService<StoryPositions>();
        await WaitUntilAsync(() => positionsB.GetAsync(CancellationToken.None).Result.Count == PublishedStories.PageSize + 1,
            "B's story order took in the new story");

        Assert.Contains("Night trams return", await TitlesAsync(_readerB, "/categories/transport"));
        // The oldest story moved to page 2 on B as well.
        Assert.Contains("Transport story 0", await TitlesAsync(_readerB, "/categories/transport?page=2"));
    }

    [RedisFact]
    public async Task OnlyOneInstanceAnnouncesAScheduledStory()
    {
        var id = await _a.AddStoryAsync("Bridge reopens", publishedAt: DateTime.UtcNow.AddSeconds(1), categories: ["City"], slug: "bridge");
        _a.Changes.Clear();
        _b.Changes.Clear();
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var announced = await Task.WhenAll(
            _a.GetService<ScheduledStories>().AnnounceDueAsync(CancellationToken.None),
            _b.GetService<ScheduledStories>().AnnounceDueAsync(CancellationToken.None));
        // A second round on both: the holder has nothing new, the other is still not the holder.
        await _a.GetService<ScheduledStories>().AnnounceDueAsync(CancellationToken.None);
        await _b.GetService<ScheduledStories>().AnnounceDueAsync(CancellationToken.None);

        Assert.Equal(1, announced.Count(ids => ids.Count > 0));
        var batches = new List<IReadOnlyCollection<int>>();
        foreach (var site in new[] { _a, _b })
        {
            while (site.Changes.TakeIfAny() is { } batch)
            {
                batches.Add(batch);
            }
        }
        Assert.Single(batches, batch => batch.Contains(id));
    }
}
