using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using NewsReader.Caching;

namespace NewsReader.Tests.Caching;

public sealed class CacheFreshnessGuardTests
{
    private sealed class RecordingStore : IOutputCacheStore
    {
        public List<string> Evicted { get; } = [];

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            Evicted.Add(tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            ValueTask.CompletedTask;
    }

    private sealed class StoredKeys : IOutputCacheStore
    {
        public List<string> Keys { get; } = [];

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            Keys.Add(key);
            return ValueTask.CompletedTask;
        }
    }

    private static async Task<bool> StoresAsync(CacheFreshness freshness, HttpContext request, params string[] tags)
    {
        var stored = false;
        await freshness.StoreIfStillFreshAsync(request, tags.Length > 0 ? tags : [CacheTags.AllReaderPages], () =>
        {
            stored = true;
            return ValueTask.CompletedTask;
        }, default);
        return stored;
    }

    [Fact]
    public async Task APageRenderedWithNoChangeSinceItsRequestBeganIsStored()
    {
        var freshness = new CacheFreshness();
        var request = new DefaultHttpContext();
        freshness.MarkRequestStart(request);

        Assert.True(await StoresAsync(freshness, request));
    }

    [Fact]
    public async Task APageWhoseRequestBeganBeforeAnEvictionIsNotStoredBecauseItMayShowTheOldStory()
    {
        var freshness = new CacheFreshness();
        var store = new RecordingStore();
        var before = new DefaultHttpContext();
        freshness.MarkRequestStart(before);

        await freshness.EvictAsync(store, [CacheTags.Story(7), CacheTags.Home], default);
        var after = new DefaultHttpContext();
        freshness.MarkRequestStart(after);

        Assert.Equal(["story:7", "list:home"], store.Evicted);
        Assert.False(await StoresAsync(freshness, before, CacheTags.AllReaderPages, CacheTags.Home));
        Assert.True(await StoresAsync(freshness, after, CacheTags.AllReaderPages, CacheTags.Home));
    }

    [Fact]
    public async Task AnEvictionOfOneStorysPageDoesNotKeepPagesWithOtherTagsOutOfTheCache()
    {
        var freshness = new CacheFreshness();
        var stored = new StoredKeys();
        var request = new DefaultHttpContext();
        var store = new FreshOnlyOutputCacheStore(stored, freshness, new HttpContextAccessor { HttpContext = request });
        freshness.MarkRequestStart(request);

        // A reaction to story 9 arrives while the home page and story 3 are being rendered.
        await freshness.EvictAsync(store, [CacheTags.StoryPage(9)], default);
        await store.SetAsync("home", [1], [CacheTags.AllReaderPages, CacheTags.Home, CacheTags.Story(3)], TimeSpan.FromMinutes(1), default);
        await store.SetAsync("story-3", [1], [CacheTags.AllReaderPages, CacheTags.StoryPage(3)], TimeSpan.FromMinutes(1), default);
        await store.SetAsync("story-9", [1], [CacheTags.AllReaderPages, CacheTags.StoryPage(9)], TimeSpan.FromMinutes(1), default);

        Assert.Equal(["home", "story-3"], stored.Keys);
    }

    [Fact]
    public async Task EvictingEveryReaderPageKeepsEveryPageRenderedBeforeItOutOfTheCache()
    {
        var freshness = new CacheFreshness();
        var before = new DefaultHttpContext();
        freshness.MarkRequestStart(before);

        await freshness.EvictAsync(new RecordingStore(), [CacheTags.AllReaderPages], default);

        Assert.False(await StoresAsync(freshness, before, CacheTags.AllReaderPages, CacheTags.Home));
    }

    [Fact]
    public async Task WhenTheRememberedTagsAreClearedPagesBegunBeforeAreNotStored()
    {
        var freshness = new CacheFreshness();
        var before = new DefaultHttpContext();
        freshness.MarkRequestStart(before);

        var many = Enumerable.Range(0, CacheFreshness.RememberedTags + 1).Select(CacheTags.StoryPage).ToList();
        await freshness.EvictAsync(new RecordingStore(), many, default);
        var after = new DefaultHttpContext();
        freshness.MarkRequestStart(after);

        Assert.False(await StoresAsync(freshness, before, CacheTags.Home));
        Assert.True(await StoresAsync(freshness, after, CacheTags.Home));
    }
}
