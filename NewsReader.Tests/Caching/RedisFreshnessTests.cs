using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using NewsReader.Caching;
using NewsReader.Redis;
using NewsReader.Tests.Support;
using StackExchange.Redis;

namespace NewsReader.Tests.Caching;

/// <summary>
/// The race <see cref="CacheFreshness"/> closes, across instances: a page rendered on one before
/// another evicted one of its tags must not reach the shared cache, whether the eviction came before
/// the store or while it was being made. Each "instance" here has its own connection and knows of
/// the other's evictions only through Redis (no messages are listened to).
/// </summary>
public sealed class RedisFreshnessTests : IAsyncLifetime
{
    private readonly string _prefix = $"newsreader-test:{Guid.NewGuid():N}:";
    private readonly RecordingStore _store = new();
    private readonly List<RedisConnection> _connections = [];

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

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisFactAttribute.Configuration!);
        await foreach (var key in redis.GetServers()[0].KeysAsync(pattern: _prefix + "*"))
        {
            await redis.GetDatabase().KeyDeleteAsync(key);
        }
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task<CacheFreshness> InstanceAsync()
    {
        var connection = new RedisConnection(RedisFactAttribute.Configuration!, _prefix);
        _connections.Add(connection);
        var shared = new SharedEvictions(connection, TimeProvider.System);
        var freshness = new CacheFreshness(new ReaderPageFastPath(TimeProvider.System), shared);
        // As the eviction listener does when an instance starts.
        await freshness.ResetAsync(await shared.CurrentGenerationAsync());
        return freshness;
    }

    private static DefaultHttpContext RequestStartedOn(CacheFreshness instance)
    {
        var request = new DefaultHttpContext();
        instance.MarkRequestStart(request);
        return request;
    }

    private async Task<bool> StoresAsync(CacheFreshness instance, HttpContext request, string[] tags, Func<Task>? whileStoring = null)
    {
        return await instance.StoreSharedIfStillFreshAsync(request, tags, async () =>
        {
            if (whileStoring is not null)
            {
                await whileStoring();
            }
        }, _store, default);
    }

    [RedisFact]
    public async Task APageRenderedOnOneInstanceBeforeAnotherEvictedItsStoryIsNotStored()
    {
        var a = await InstanceAsync();
        var b = await InstanceAsync();
        var request = RequestStartedOn(b);

        await a.EvictAsync(_store, [CacheTags.Story(7)], default);

        Assert.False(await StoresAsync(b, request, [CacheTags.AllReaderPages, CacheTags.Story(7)]));
    }

    [RedisFact]
    public async Task AnEvictionElsewhereWhileThePageIsBeingStoredEvictsItAgain()
    {
        var a = await InstanceAsync();
        var b = await InstanceAsync();
        var request = RequestStartedOn(b);

        var kept = await StoresAsync(b, request, [CacheTags.AllReaderPages, CacheTags.Story(7)],
            whileStoring: () => a.EvictAsync(_store, [CacheTags.Story(7)], default));

        Assert.False(kept);
        // Once by A, and once more by B after its store, which A's eviction may have preceded.
        Assert.Equal([CacheTags.Story(7), CacheTags.Story(7)], _store.Evicted);
    }

    [RedisFact]
    public async Task APageIsStoredWhenOnlyOtherStoriesWereEvictedElsewhere()
    {
        var a = await InstanceAsync();
        var b = await InstanceAsync();
        var request = RequestStartedOn(b);

        await a.EvictAsync(_store, [CacheTags.Story(8)], default);

        Assert.True(await StoresAsync(b, request, [CacheTags.AllReaderPages, CacheTags.Story(7)]));
    }

    [RedisFact]
    public async Task AnInstanceStartedAfterAnEvictionStoresPagesRenderedSinceItStarted()
    {
        var a = await InstanceAsync();
        await a.EvictAsync(_store, [CacheTags.AllReaderPages], default);

        var b = await InstanceAsync();

        Assert.True(await StoresAsync(b, RequestStartedOn(b), [CacheTags.AllReaderPages, CacheTags.Story(7)]));
    }
}
