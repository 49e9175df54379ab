using Microsoft.AspNetCore.OutputCaching;
using NewsReader.Stories;

namespace NewsReader.Caching;

public static class CachingRegistration
{
    /// <summary>
    /// ASP.NET Core's output cache for reader pages (<see cref="ReaderPageCachePolicy"/>), kept fresh by
    /// tags (<see cref="ReaderPageEvictor"/>), which runs in the cached-pages stage of a change, after
    /// the related stories it reads are stored.
    /// </summary>
    public static IServiceCollection AddReaderPageCache(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<ReaderPageFastPath>();
        services.AddSingleton(provider => new CacheFreshness(provider.GetRequiredService<ReaderPageFastPath>()));
        services.AddSingleton<ReaderPageEvictor>();
        services.AddSingleton<IStoryChangeListener>(provider => provider.GetRequiredService<ReaderPageEvictor>());
        services.AddOutputCache(options => options.AddBasePolicy(new ReaderPageCachePolicy()));

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
