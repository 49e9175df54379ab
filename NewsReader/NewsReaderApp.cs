using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using NewsReader.Articles;
using NewsReader.Components;
using NewsReader.Data;
using NewsReader.StoryFiles;

namespace NewsReader;

/// <summary>The composition root: every service and endpoint of the site is registered here.</summary>
public static class NewsReaderApp
{
    public static WebApplicationBuilder AddNewsReader(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<NewsReaderOptions>()
            .Bind(configuration.GetSection(NewsReaderOptions.Section))
            .Validate(o => o.WordsPerMinute is > 0 and <= 2000, "NewsReader:WordsPerMinute must be between 1 and 2000.")
            .ValidateOnStart();

        var connectionString = configuration.GetConnectionString("News")
            ?? AppPaths.DefaultConnectionString(builder.Environment.ContentRootPath);
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        if (!string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use Sqlite.");
        }
        services.AddDbContextFactory<NewsDbContext>(options => options.UseSqlite(connectionString));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<ArticleRepository>();
        services.AddSingleton<ArticleService>();
        services.AddSingleton<StoryImporter>();
        services.AddSingleton<StoryExporter>();
        services.AddSingleton<DatabaseSetup>();
        services.AddHostedService<DatabaseStartup>();

        services.AddRazorComponents();
        services.AddMudServices();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static WebApplication MapNewsReader(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/healthz");
        app.MapRazorComponents<App>();
        return app;
    }
}
