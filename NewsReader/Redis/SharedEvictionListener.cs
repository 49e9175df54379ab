using NewsReader.Caching;
using NewsReader.Stories;
using StackExchange.Redis;

namespace NewsReader.Redis;

/// <summary>
/// Hears every other instance's evictions (<see cref="SharedEvictions"/>) from the start of this
/// one: drops this process's fast-path copies of the evicted pages and, when stories changed,
/// forgets what it keeps in memory from them (<see cref="IInMemoryStoryState"/>), first, so that a
/// page rendered after the message reads the new order, menu and banner.
/// </summary>
/// <remarks>
/// A lost connection may have lost messages, so when it comes back every copy is dropped and
/// everything kept is forgotten.
/// </remarks>
public sealed class SharedEvictionListener(
    RedisConnection redis,
    SharedEvictions evictions,
    CacheFreshness freshness,
    IEnumerable<IInMemoryStoryState> storyState,
    ILogger<SharedEvictionListener> logger) : IHostedService
{
    private IConnectionMultiplexer? _connection;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = await redis.ConnectAsync();
        // Subscribed before the shared count is read: no eviction falls between the two.
        var messages = await _connection.GetSubscriber().SubscribeAsync(evictions.Channel);
        messages.OnMessage(message => OnMessageAsync(message.Message));
        await freshness.ResetAsync(await evictions.CurrentGenerationAsync());
        _connection.ConnectionRestored += OnConnectionRestored;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            _connection.ConnectionRestored -= OnConnectionRestored;
            await _connection.GetSubscriber().UnsubscribeAsync(evictions.Channel);
        }
    }

    private async Task OnMessageAsync(RedisValue value)
    {
        if (SharedEvictions.Read(value) is not { } message || message.Sender == evictions.InstanceId)
        {
            return;
        }
        if (message.StoriesChanged)
        {
            ForgetStoryState();
        }
        await freshness.EvictedElsewhereAsync(message.Generation, message.Tags);
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType != ConnectionType.Subscription)
        {
            return;
        }
        logger.LogWarning("The connection to Redis came back; dropping this instance's copies of pages, which may have missed evictions.");
        ForgetStoryState();
        _ = ResetAfterReconnectAsync();
    }

    private async Task ResetAfterReconnectAsync()
    {
        try
        {
            await freshness.ResetAsync(await evictions.CurrentGenerationAsync());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Until this succeeds, this instance's older count only keeps more pages out of the cache.
            logger.LogWarning(ex, "Could not read the shared eviction count after reconnecting.");
        }
    }

    private void ForgetStoryState()
    {
        foreach (var state in storyState)
        {
            state.Forget();
        }
    }
}
