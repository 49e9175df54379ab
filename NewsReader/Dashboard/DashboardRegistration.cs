namespace NewsReader.Dashboard;

public static class DashboardRegistration
{
    /// <summary>The admin area's front page: charts, the most-reacted stories and what is scheduled.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<DeskFigures>();
        return services;
    }
}
