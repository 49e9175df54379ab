namespace NewsReader.StoryFiles;

public static class StoryFilesRegistration
{
    /// <summary>Import and export of story files (the command line and the first start's sample stories).</summary>
    public static IServiceCollection AddStoryFiles(this IServiceCollection services)
    {
        services.AddSingleton<StoryImporter>();
        services.AddSingleton<StoryExporter>();
        return services;
    }
}
