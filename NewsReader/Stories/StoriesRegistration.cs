namespace NewsReader.Stories;

public static class StoriesRegistration
{
    /// <summary>Stories as readers get them and as every writer saves them: one renderer, the reader-side queries, one writer.</summary>
    public static IServiceCollection AddStories(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<StoryPositions>();
        services.AddSingleton<IStoryChangeListener>(provider => provider.GetRequiredService<StoryPositions>());
        services.AddSingleton<PublishedStories>();
        services.AddSingleton<StoryPageReads>();
        services.AddSingleton<CategoryMenu>();
        services.AddSingleton<StoryWriter>();
        services.AddSingleton<StoryChanges>();
        services.AddSingleton<StoryHtmlCatchUp>();
        services.AddHostedService(provider => provider.GetRequiredService<StoryHtmlCatchUp>());
        return services;
    }
}
