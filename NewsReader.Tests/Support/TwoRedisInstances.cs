using StackExchange.Redis;

namespace NewsReader.Tests.Support;

/// <summary>
/// Two instances of the site on one database and one Redis server (<see cref="RedisFactAttribute"/>),
/// as behind a load balancer. The pair has keys of its own in Redis (a prefix), so tests and other
/// users of the server never meet; they are deleted when the pair is disposed.
/// </summary>
public sealed class TwoRedisInstances : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _redis;

    private TwoRedisInstances(ConnectionMultiplexer redis, string prefix)
    {
        _redis = redis;
        Prefix = prefix;
        A = Instance();
        // A first, so that it alone creates the database; B then starts on it.
        ReaderA = A.CreateClient(new() { AllowAutoRedirect = false });
        B = Instance(A.ConnectionString);
        ReaderB = B.CreateClient(new() { AllowAutoRedirect = false });
    }

    public string Prefix { get; }

    public EditingSite A { get; }

    public EditingSite B { get; }

    public HttpClient ReaderA { get; }

    public HttpClient ReaderB { get; }

    public static async Task<TwoRedisInstances> StartAsync() => new(
        await ConnectionMultiplexer.ConnectAsync(RedisFactAttribute.Configuration!),
        $"newsreader-test:{Guid.NewGuid():N}:");

    private EditingSite Instance(string? databaseOf = null)
    {
        var site = new EditingSite();
        site.Settings["ConnectionStrings:Redis"] = RedisFactAttribute.Configuration;
        site.Settings["NewsReader:Redis:InstanceName"] = Prefix;
        if (databaseOf is not null)
        {
            site.Settings["ConnectionStrings:News"] = databaseOf;
        }
        return site;
    }

    /// <summary>How many keys under the pair's prefix match <paramref name="pattern"/>.</summary>
    public async Task<int> KeyCountAsync(string pattern = "*")
    {
        var count = 0;
        await foreach (var _ in _redis.GetServers()[0].KeysAsync(pattern: Prefix + pattern))
        {
            count++;
        }
        return count;
    }

    /// <summary>Waits (briefly) for a message from the other instance to have arrived.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 5000, $"Timed out waiting until {what}");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
        }
        finally
        {
            await DeleteKeysAsync();
        }
    }

    private async Task DeleteKeysAsync()
    {
        await foreach (var key in _redis.GetServers()[0].KeysAsync(pattern: Prefix + "*"))
        {
            await _redis.GetDatabase().KeyDeleteAsync(key);
        }
        await _redis.DisposeAsync();
    }
}
