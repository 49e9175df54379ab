using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace NewsReader.Search;

public static class SearchRegistration
{
    /// <summary>Largest request line Kestrel accepts, so that a long search reaches the page.</summary>
    public const int MaxRequestLineBytes = 128 * 1024;

    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSingleton<SearchService>();
        services.AddSingleton<SearchIndexSchema>();
        services.AddHostedService<SearchIndexStartup>();

        // Kestrel refuses request lines over 8 KB with a bare 414 before the site sees them, and a
        // 10,000-character search (percent-encoded: up to nine bytes a character) is longer. The
        // search page reads only the first SearchQuery.MaxInputLength characters of it.
        services.Configure<KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestLineSize = Math.Max(kestrel.Limits.MaxRequestLineSize, MaxRequestLineBytes));
        return services;
    }
}
