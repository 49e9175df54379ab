using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using NewsReader.Caching;

namespace NewsReader.Tests.Unit;

public sealed class CacheFreshnessTests
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

    private static async Task<bool> StoresAsync(CacheFreshness freshness, HttpContext request)
    {
        var stored = false;
        await freshness.StoreIfStillFreshAsync(request, () =>
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
        Assert.False(await StoresAsync(freshness, before));
        Assert.True(await StoresAsync(freshness, after));
    }
}
