using NewsReader.Stories;

namespace NewsReader.Related;

public static class RelatedRegistration
{
    /// <summary>Related stories and previous/next links: the stored lists, their updater and the page's reads.</summary>
    public static IServiceCollection AddRelated(this IServiceCollection services)
    {
        services.AddSingleton<RelatedTerms>();
        services.AddSingleton<RelatedCandidates>();
        services.AddSingleton<RelatedStoriesUpdater>();
        services.AddSingleton<RelatedBulkRanking>();
        services.AddSingleton<IStoryChangeListener>(provider => provider.GetRequiredService<RelatedStoriesUpdater>());
        services.AddSingleton<RelatedStoriesService>();
        services.AddHostedService<RelatedStoriesCatchUp>();
        return services;
    }
}
