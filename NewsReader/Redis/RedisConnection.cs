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

    // AbortOnConnectFail off: a Redis that is slow or briefly away while an instance starts (a
    // loaded server, a restart) delays its commands until the connection is made; it does not
    // throw out of start-up and stop the instance.
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection = new(async () =>
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return await ConnectionMultiplexer.ConnectAsync(options);
    });

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
