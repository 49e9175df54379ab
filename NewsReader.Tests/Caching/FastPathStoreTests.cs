using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;
using NewsReader.Caching;

namespace NewsReader.Tests.Caching;

/// <summary>The fast path's copy on its own: bounded, evicted by tag, expired by the clock.</summary>
public sealed class FastPathStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);

    private sealed class NoStore : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            ValueTask.CompletedTask;
    }

    private FastPathPage Page(string key, int bodyBytes = 100, TimeSpan? validFor = null, params string[] tags) => new()
    {
        Key = key,
        StatusCode = 200,
        Headers = [new("Content-Type", new StringValues("text/html; charset=utf-8"))],
        Body = new byte[bodyBytes],
        Created = _clock.GetUtcNow(),
        Expires = _clock.GetUtcNow() + (validFor ?? TimeSpan.FromMinutes(10)),
        Tags = [CacheTags.AllReaderPages, .. tags],
        VariesByReader = false,
    };

    [Fact]
    public void EvictingATagDropsExactlyThePagesThatCarryIt()
    {
        var fastPath = new ReaderPageFastPath(_clock);
        fastPath.Add("story-3", Page("story-3", tags: [CacheTags.Story(3), CacheTags.StoryPage(3)]));
        fastPath.Add("home", Page("home", tags: [CacheTags.Home, CacheTags.Story(3), CacheTags.Story(4)]));
        fastPath.Add("story-4", Page("story-4", tags: [CacheTags.Story(4), CacheTags.StoryPage(4)]));

        fastPath.Evict([CacheTags.StoryPage(3)]);
        Assert.Null(fastPath.Find("story-3"));
        Assert.NotNull(fastPath.Find("home"));

        fastPath.Evict([CacheTags.Story(4)]);
        Assert.Equal(0, fastPath.Count);
        Assert.Equal(0, fastPath.Bytes);
    }

    [Fact]
    public async Task EvictionsThroughCacheFreshnessReachTheFastPathAndAPageRenderedBeforeOneIsNotKept()
    {
        var fastPath = new ReaderPageFastPath(_clock);
        var freshness = new CacheFreshness(fastPath);
        fastPath.Add("home", Page("home", tags: [CacheTags.Home]));
        fastPath.Add("story-9", Page("story-9", tags: [CacheTags.StoryPage(9)]));
        var renderedBefore = new DefaultHttpContext();
        freshness.MarkRequestStart(renderedBefore);

        await freshness.EvictAsync(new NoStore(), [CacheTags.StoryPage(9)], default);
        Assert.Null(fastPath.Find("story-9"));
        Assert.NotNull(fastPath.Find("home"));

        await freshness.StoreIfStillFreshAsync(renderedBefore, [CacheTags.AllReaderPages, CacheTags.StoryPage(9)], () =>
        {
            fastPath.Add("story-9", Page("story-9", tags: [CacheTags.StoryPage(9)]));
            return ValueTask.CompletedTask;
        }, default);
        Assert.Null(fastPath.Find("story-9"));

        await freshness.EvictAsync(new NoStore(), [CacheTags.AllReaderPages], default);
        Assert.Equal(0, fastPath.Count);
    }

    [Fact]
    public void APageIsNotFoundOnceItsLifetimeIsOver()
    {
        var fastPath = new ReaderPageFastPath(_clock);
        fastPath.Add("home", Page("home", validFor: TimeSpan.FromMinutes(2)));

        _clock.Advance(TimeSpan.FromSeconds(119));
        Assert.NotNull(fastPath.Find("home"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(fastPath.Find("home"));
    }

    [Fact]
    public void TheNumberOfPagesIsBoundedAndTheOldestMakeRoom()
    {
        var fastPath = new ReaderPageFastPath(_clock);
        for (var i = 0; i < ReaderPageFastPath.MaxPages + 500; i++)
        {
            fastPath.Add($"search-{i}", Page($"search-{i}", tags: [CacheTags.Search]));
        }

        Assert.Equal(ReaderPageFastPath.MaxPages, fastPath.Count);
        Assert.Null(fastPath.Find("search-0"));
        Assert.NotNull(fastPath.Find($"search-{ReaderPageFastPath.MaxPages + 499}"));
        fastPath.Evict([CacheTags.Search]);
        Assert.Equal(0, fastPath.Count);
        Assert.Equal(0, fastPath.Bytes);
    }

    [Fact]
    public void TheBytesHeldAreBoundedAndAnOversizedPageIsLeftToTheOutputCache()
    {
        var fastPath = new ReaderPageFastPath(_clock);
        fastPath.Add("sitemap", Page("sitemap", bodyBytes: ReaderPageFastPath.MaxPageBytes + 1));
        Assert.Equal(0, fastPath.Count);

        const int pageBytes = 900 * 1024;
        for (var i = 0; i < 200; i++)
        {
            fastPath.Add($"big-{i}", Page($"big-{i}", bodyBytes: pageBytes));
            Assert.True(fastPath.Bytes <= ReaderPageFastPath.MaxBytes);
        }
        Assert.True(fastPath.Count < 200);
        Assert.NotNull(fastPath.Find("big-199"));
    }

    [Fact]
    public void ExpiredPagesMakeRoomBeforeLiveOnes()
    {
        var fastPath = new ReaderPageFastPath(_clock);
        fastPath.Add("live", Page("live", validFor: TimeSpan.FromMinutes(10)));
        for (var i = 0; i < ReaderPageFastPath.MaxPages - 1; i++)
        {
            fastPath.Add($"short-{i}", Page($"short-{i}", validFor: TimeSpan.FromMinutes(1)));
        }
        _clock.Advance(TimeSpan.FromMinutes(2));

        fastPath.Add("new", Page("new"));

        Assert.NotNull(fastPath.Find("live"));
        Assert.NotNull(fastPath.Find("new"));
        Assert.Equal(2, fastPath.Count);
    }
}
