using NewsReader.Caching;
using NewsReader.FrontPage;
using NewsReader.Stories;

namespace NewsReader.Redis;

public static class RedisRegistration
{
    /// <summary>Where the connection string is read from, as a StackExchange.Redis configuration ("host:port,password=…").</summary>
    public const string ConnectionStringName = "Redis";

    /// <summary>The setting for the prefix of every key and channel (<see cref="RedisConnection.Prefix"/>).</summary>
    public const string PrefixSetting = "NewsReader:Redis:InstanceName";

    /// <summary>
    /// With <c>ConnectionStrings:Redis</c> set, what several instances must share: the output cache's
    /// store (one multiplexer for it and everything else), the eviction record and its messages, and
    /// leases for work done once. Without it nothing is registered but leases that are always granted,
    /// and the site keeps everything in its own process as before. True when Redis is used.
    /// </summary>
    public static bool AddRedisSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        var configurationString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(configurationString))
        {
            services.AddSingleton(new JobLeases(null));
            return false;
        }
        var prefix = configuration[PrefixSetting] is { Length: > 0 } configured ? configured : RedisConnection.DefaultPrefix;
        var redis = new RedisConnection(configurationString, prefix);
        // Through a factory, so that the container disposes the connection with the site.
        services.AddSingleton(_ => redis);
        services.AddSingleton<SharedEvictions>();
        services.AddSingleton(provider => new JobLeases(provider.GetRequiredService<RedisConnection>()));
        services.AddSingleton<IInMemoryStoryState>(provider => provider.GetRequiredService<StoryPositions>());
        services.AddSingleton<IInMemoryStoryState>(provider => provider.GetRequiredService<CategoryMenu>());
        services.AddSingleton<IInMemoryStoryState>(provider => provider.GetRequiredService<BreakingNews>());
        services.AddSingleton<IInMemoryStoryState>(provider => provider.GetRequiredService<ReaderPageEvictor>());
        services.AddHostedService<SharedEvictionListener>();
        services.AddStackExchangeRedisOutputCache(options =>
        {
            options.InstanceName = prefix;
            options.ConnectionMultiplexerFactory = redis.ConnectAsync;
        });
        return true;
    }
}
