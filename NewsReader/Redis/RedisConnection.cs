using StackExchange.Redis;

namespace NewsReader.Redis;

/// <summary>
/// The one connection to Redis that every instance-sharing part of the site uses (the output
/// cache's store, evictions, leases), registered only when <c>ConnectionStrings:Redis</c> is set.
/// StackExchange.Redis multiplexes all commands and subscriptions over it, so one is all a process needs.
/// </summary>
/// <remarks>
/// Every key and channel starts with <see cref="Prefix"/> (<c>NewsReader:Redis:InstanceName</c>,
/// "newsreader:" unless set), so that two sites may share one Redis server by setting different ones.
/// </remarks>
public sealed class RedisConnection(string configuration, string prefix) : IAsyncDisposable
{
    public const string DefaultPrefix = "newsreader:";

    private readonly Lazy<Task<IConnectionMultiplexer>> _connection = new(async () =>
        await ConnectionMultiplexer.ConnectAsync(configuration));

    public string Prefix { get; } = prefix;

    public Task<IConnectionMultiplexer> ConnectAsync() => _connection.Value;

    public async Task<IDatabase> DatabaseAsync() => (await ConnectAsync()).GetDatabase();

    public RedisKey Key(string name) => Prefix + name;

    public RedisChannel Channel(string name) => RedisChannel.Literal(Prefix + name);

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await _connection.Value.Result.DisposeAsync();
        }
    }
}
