using Microsoft.EntityFrameworkCore;

namespace NewsReader.Data;

public static class DataRegistration
{
    /// <summary>
    /// The database: pooled contexts on the configured SQLite file (the default) or PostgreSQL server
    /// (<c>Database:Provider=Postgres</c>), its start-up preparation, backup and health check.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = DatabaseProviders.Parse(configuration["Database:Provider"]);
        var configured = configuration.GetConnectionString("News");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:News is empty; set it to the server's connection string, "
                    + "for example Host=db.example;Database=newsreader;Username=newsreader;Password=….");
            }
            // The pool's contexts are PostgresNewsDbContext (its own migrations and compiled model);
            // everything else asks for NewsDbContext, and gets the same pooled contexts.
            services.AddPooledDbContextFactory<PostgresNewsDbContext>(options => options
                .UseNpgsql(configured)
                .UseModel(Data.CompiledModels.Postgres.PostgresNewsDbContextModel.Instance));
            services.AddSingleton<IDbContextFactory<NewsDbContext>>(provider =>
                new PostgresContexts(provider.GetRequiredService<IDbContextFactory<PostgresNewsDbContext>>()));
        }
        else
        {
            var connectionString = DatabaseSetup.WithBusyTimeout(configured ?? AppPaths.DefaultConnectionString(environment.ContentRootPath));
            // Pooled: a page opens several short-lived contexts, and setting one up costs more than its query.
            // The compiled model (Data/CompiledModels, made by `dotnet ef dbcontext optimize`) saves building
            // the model at start-up, the largest part of it; CompiledModelTests fails when it falls behind.
            services.AddPooledDbContextFactory<NewsDbContext>(options => options
                .UseSqlite(connectionString)
                .UseModel(Data.CompiledModels.NewsDbContextModel.Instance));
        }
        // Identity's stores and Data Protection's key store take a context from the request scope.
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContext());

        services.AddSingleton<DatabaseSetup>();
        services.AddSingleton<DatabaseBackup>();
        services.AddHostedService<DatabaseStartup>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    private sealed class PostgresContexts(IDbContextFactory<PostgresNewsDbContext> inner) : IDbContextFactory<NewsDbContext>
    {
        public NewsDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<NewsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseProviders
{
    public static DatabaseProvider Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Database:Provider '{name}' is not supported; use Sqlite (the default) or Postgres."),
    };
}
