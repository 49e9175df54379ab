using System.Net;
using NewsReader.Caching;
using NewsReader.Editing;
using NewsReader.Stories;
using NewsReader.Tests.Support;

namespace NewsReader.Tests.Caching;

/// <summary>
/// Two instances of the site on one database and one Redis server, as behind a load balancer: a
/// change made through one shows on the other at once, from the shared output cache, the other's
/// fast path and what it keeps in memory.
/// </summary>
public sealed class RedisCacheTests : IAsyncLifetime
{
    private TwoRedisInstances _pair = null!;

    private EditingSite A => _pair.A;

    private EditingSite B => _pair.B;

    private HttpClient ReaderA => _pair.ReaderA;

    private HttpClient ReaderB => _pair.ReaderB;

    private static DateTime DaysAgo(int days) => DateTime.UtcNow.AddDays(-days);

    public async Task InitializeAsync() => _pair = await TwoRedisInstances.StartAsync();

    public async Task DisposeAsync() => await _pair.DisposeAsync();

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

    [RedisFact]
    public async Task OutputCacheEntriesAreKeptInRedis()
    {
        await A.AddStoryAsync("Tram depot opens", publishedAt: DaysAgo(1), categories: ["Transport"], slug: "depot");
        var before = await _pair.KeyCountAsync("*");

        await WarmAsync(ReaderA, "/articles/depot");
        await WarmAsync(ReaderA, "/categories/transport");

        Assert.True(await _pair.KeyCountAsync("*") >= before + 2, "the two cached pages added no keys under the site's prefix in Redis");
    }

    [RedisFact]
    public async Task APageCachedByOneInstanceIsServedByTheOtherFromRedis()
    {
        await A.AddStoryAsync("Tram depot opens", publishedAt: DaysAgo(1), categories: ["Transport"], slug: "depot");
        await WarmAsync(ReaderA, "/articles/depot");

        var fromB = await ReaderB.GetAsync("/articles/depot");

        Assert.True(fromB.Headers.Age.HasValue, "B rendered the page again instead of taking A's copy from Redis");
        Assert.Equal(0, B.GetService<ReaderPageFastPath>().Count);
    }

    [RedisFact]
    public async Task AStoryEditedThroughOneInstanceShowsOnTheOtherAndDropsItsFastPathCopy()
    {
        await A.AddStoryAsync("Tram depot opens", publishedAt: DaysAgo(1), categories: ["Transport"], slug: "depot");
        await WarmAsync(ReaderB, "/articles/depot");
        var fastPathB = B.GetService<ReaderPageFastPath>();
        Assert.Equal(1, fastPathB.Count);

        await A.AddStoryAsync("Tram depot opens a week late", publishedAt: DaysAgo(1), categories: ["Transport"], slug: "depot");
        await TwoRedisInstances.WaitUntilAsync(() => fastPathB.Count == 0, "B dropped its fast-path copy");

        Assert.Contains("Tram depot opens a week late", await TitlesAsync(ReaderB, "/articles/depot"));
    }

    [RedisFact]
    public async Task AReactionEvictedOnOneInstanceDropsTheOthersCopyButKeepsItsStoryOrder()
    {
        var id = await A.AddStoryAsync("Tram depot opens", publishedAt: DaysAgo(1), categories: ["Transport"], slug: "depot");
        await WarmAsync(ReaderB, "/articles/depot");
        var orderB = await B.GetService<StoryPositions>().GetAsync(CancellationToken.None);

        await A.GetService<ReaderPageEvictor>().StoryPageChangedAsync(id, CancellationToken.None);

        var fastPathB = B.GetService<ReaderPageFastPath>();
        await TwoRedisInstances.WaitUntilAsync(() => fastPathB.Count == 0, "B dropped its fast-path copy");
        Assert.Same(orderB, await B.GetService<StoryPositions>().GetAsync(CancellationToken.None));
    }

    [RedisFact]
    public async Task ListPagesOnOneInstanceShowAStoryAddedThroughTheOther()
    {
        for (var i = 0; i < PublishedStories.PageSize; i++)
        {
            await A.AddStoryAsync($"Transport story {i}", publishedAt: DaysAgo(30 - i), categories: ["Transport"], slug: $"transport-{i}");
        }
        await WarmAsync(ReaderB, "/categories/transport");
        Assert.Equal(PublishedStories.PageSize, (await B.GetService<StoryPositions>().GetAsync(CancellationToken.None)).Count);
        Assert.DoesNotContain("Transport story 0", await TitlesAsync(ReaderB, "/categories/transport?page=2"));

        await A.AddStoryAsync("Night trams return", publishedAt: DaysAgo(0), categories: ["Transport"], slug: "night-trams");
        var positionsB = B.GetService<StoryPositions>();
        await TwoRedisInstances.WaitUntilAsync(() => positionsB.GetAsync(CancellationToken.None).Result.Count == PublishedStories.PageSize + 1,
            "B's story order took in the new story");

        Assert.Contains("Night trams return", await TitlesAsync(ReaderB, "/categories/transport"));
        // The oldest story moved to page 2 on B as well.
        Assert.Contains("Transport story 0", await TitlesAsync(ReaderB, "/categories/transport?page=2"));
    }
}
