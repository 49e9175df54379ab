using Microsoft.AspNetCore.OutputCaching;
using NewsReader.Redis;
using NewsReader.Stories;

namespace NewsReader.Caching;

public static class CachingRegistration
{
    /// <summary>
    /// ASP.NET Core's output cache for reader pages (<see cref="ReaderPageCachePolicy"/>), kept fresh by
    /// tags (<see cref="ReaderPageEvictor"/>), which runs in the cached-pages stage of a change, after
    /// the related stories it reads are stored. With Redis configured the store is in Redis and
    /// evictions reach every instance (<see cref="RedisRegistration.AddRedisSharedState"/>).
    /// </summary>
    public static IServiceCollection AddReaderPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<ReaderPageFastPath>();
        services.AddSingleton(provider => new CacheFreshness(
            provider.GetRequiredService<ReaderPageFastPath>(), provider.GetService<SharedEvictions>()));
        services.AddSingleton<ReaderPageEvictor>();
        services.AddSingleton<IStoryChangeListener>(provider => provider.GetRequiredService<ReaderPageEvictor>());
        services.AddOutputCache(options => options.AddBasePolicy(new ReaderPageCachePolicy()));
        // After the output cache's own registration: the store it adds is the one wrapped below.
        services.AddRedisSharedState(configuration);

        var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(registered);
        services.AddSingleton<IOutputCacheStore>(provider => new FreshOnlyOutputCacheStore(
            (IOutputCacheStore)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)),
            provider.GetRequiredService<CacheFreshness>(),
            provider.GetRequiredService<IHttpContextAccessor>()));
        return services;
    }
}
