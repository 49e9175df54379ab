namespace NewsReader.Localization;

public static class LocalizationRegistration
{
    /// <summary>The site's time zone and culture (NewsReader:TimeZone, NewsReader:Culture).</summary>
    public static IServiceCollection AddSiteTime(this IServiceCollection services)
    {
        services.AddSingleton<SiteTime>();
        return services;
    }
}
