using Microsoft.EntityFrameworkCore;

namespace NewsReader.Data;

public static class DataRegistration
{
    /// <summary>The database: pooled contexts on the configured SQLite file, its start-up preparation, backup and health check.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = DatabaseSetup.WithBusyTimeout(configuration.GetConnectionString("News")
            ?? AppPaths.DefaultConnectionString(environment.ContentRootPath));
        var providerName = configuration["Database:Provider"] ?? "Sqlite";
        if (!string.Equals(providerName, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database:Provider '{providerName}' is not supported; use Sqlite.");
        }
        // Pooled: a page opens several short-lived contexts, and setting one up costs more than its query.
        // The compiled model (Data/CompiledModels, made by `dotnet ef dbcontext optimize`) saves building
        // the model at start-up, the largest part of it; CompiledModelTests fails when it falls behind.
        services.AddPooledDbContextFactory<NewsDbContext>(options => options
            .UseSqlite(connectionString)
            .UseModel(Data.CompiledModels.NewsDbContextModel.Instance));
        // Identity's stores and Data Protection's key store take a context from the request scope.
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContext());

        services.AddSingleton<DatabaseSetup>();
        services.AddSingleton<DatabaseBackup>();
        services.AddHostedService<DatabaseStartup>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
