using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using NewsReader.Accounts;
using NewsReader.Articles;
using NewsReader.Components;
using NewsReader.Data;
using NewsReader.Reactions;
using NewsReader.Related;
using NewsReader.Feeds;
using NewsReader.Search;
using NewsReader.Editing;
using NewsReader.StoryFiles;
using NewsReader.Web;

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
        services.AddSingleton<ArticleChanges>();
        services.AddSingleton<StoryImporter>();
        services.AddSingleton<StoryExporter>();
        services.AddSingleton<DatabaseSetup>();
        services.AddSingleton<Demo.DemoSeeder>();
        services.AddHostedService<DatabaseStartup>();
        services.AddReactions();
        services.AddRelatedStories();
        services.AddSearch();
        services.AddFeeds();
        services.AddEditing();

        // Interactive server rendering exists for the admin area only; reader pages carry no render
        // mode, open no circuit and, being [ReaderPage]s, set no antiforgery cookie.
        services.AddRazorComponents().AddInteractiveServerComponents()
            // The story editor sends a body of up to 1 MB (ArticleLimits.BodyBytes) to the server in one
            // message; SignalR's default limit of 32 KB would drop the circuit on a long story. 2 MB
            // holds the body with its JSON escaping and the message envelope; the editor's script
            // refuses to send anything larger (wwwroot/js/story-editor.js).
            .AddHubOptions(options => options.MaximumReceiveMessageSize = 2 * 1024 * 1024);
        services.AddReaderPageAntiforgery();
        services.AddMudServices();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddAccounts();
        return builder;
    }

    public static WebApplication MapNewsReader(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseSecurityHeaders();
        app.UseHeadAsGet();
        app.UseRouting();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAccounts();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/healthz");
        app.MapReactions();
        app.MapFeeds();
        app.MapRazorComponents<App>()
            // Our own Content-Security-Policy already says frame-ancestors 'self'.
            .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
