namespace NewsReader.Editing;

public static class EditingRegistration
{
    /// <summary>The story editor's services and categories admin. Scoped: one per circuit, for the signed-in editor.</summary>
    public static IServiceCollection AddEditing(this IServiceCollection services)
    {
        services.AddSingleton<EditorOptions>();
        services.AddScoped<StoryList>();
        services.AddScoped<StoryStore>();
        services.AddScoped<StorySaver>();
        services.AddScoped<StoryAutosave>();
        services.AddScoped<StoryRevisions>();
        services.AddScoped<CategoryAdmin>();
        services.AddSingleton<ScheduledStories>();
        services.AddHostedService(provider => provider.GetRequiredService<ScheduledStories>());
        return services;
    }
}
