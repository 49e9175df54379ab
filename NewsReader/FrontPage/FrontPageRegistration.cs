namespace NewsReader.FrontPage;

public static class FrontPageRegistration
{
    /// <summary>The home page's leads and the breaking-news banner, and the editors' actions on them.</summary>
    public static IServiceCollection AddFrontPage(this IServiceCollection services)
    {
        services.AddSingleton<BreakingNews>();
        services.AddScoped<FrontPageDesk>();
        return services;
    }
}
