using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using NewsReader.Accounts;
using NewsReader.Authors;
using NewsReader.Stories;
using NewsReader.Caching;
using NewsReader.Components;
using NewsReader.Dashboard;
using NewsReader.Data;
using NewsReader.Reactions;
using NewsReader.Related;
using NewsReader.Feeds;
using NewsReader.FrontPage;
using NewsReader.Localization;
using NewsReader.Limits;
using NewsReader.Media;
using NewsReader.Search;
using NewsReader.Editing;
using NewsReader.Review;
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
            .Validate(o => PublicAddress.TryParse(o.PublicUrl, out _), PublicAddress.PublicUrlError)
            .Validate(o => SiteTime.TryFindZone(o.TimeZone) is not null, SiteTime.ZoneError)
            .Validate(o => SiteTime.TryFindCulture(o.Culture) is not null, SiteTime.CultureError)
            .Validate(o => o.KnownProxies.All(PublicAddress.IsProxy), "NewsReader:KnownProxies must list IP addresses or networks such as 10.0.0.0/8.")
            .ValidateOnStart();

        // Background work (catch-ups, scheduled announcements, resizes) that fails is logged and tried
        // again on its next pass or start; it never takes the readers' site down with it. A busy
        // database or a slow Redis under load had stopped whole instances.
        services.Configure<HostOptions>(options => options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);

        services.AddDatabase(configuration, builder.Environment);
        services.AddStories();
        services.AddFrontPage();
        services.AddSiteTime();
        services.AddStoryFiles();
        services.AddSingleton<Demo.DemoSeeder>();
        services.AddPublicAddress();
        services.AddRateLimits();
        services.AddReactions();
        services.AddRelated();
        services.AddSearch();
        services.AddFeeds();
        services.AddEditing();
        services.AddDashboard();
        services.AddAuthors();
        services.AddReview();
        services.AddMedia(configuration);
        services.AddReaderPageCache(configuration);
        services.AddResponseCompression(options =>
        {
            // EnableForHttps stays off: compressed pages with secrets (the admin's antiforgery tokens) invite BREACH.
            options.MimeTypes = ["text/html", "application/xml", "application/rss+xml", "application/atom+xml", "text/plain"];
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);

        // Interactive server rendering exists for the admin area only; reader pages carry no render
        // mode, open no circuit and, being [ReaderPage]s, set no antiforgery cookie.
        services.AddRazorComponents().AddInteractiveServerComponents()
            // The story editor sends a body of up to 1 MB (StoryLimits.BodyBytes) to the server in one
            // message; SignalR's default limit of 32 KB would drop the circuit on a long story. 2 MB
            // holds the body with its JSON escaping and the message envelope; the editor's script
            // refuses to send anything larger (wwwroot/js/story-editor.js). Only signed-in editors
            // can open the hub at all (RequireEditorsForCircuits below).
            .AddHubOptions(options => options.MaximumReceiveMessageSize = 2 * 1024 * 1024);
        services.AddReaderPageAntiforgery();
        services.AddMudServices();
        services.AddAccounts();
        return builder;
    }

    public static WebApplication MapNewsReader(this WebApplication app)
    {
        // First: everything after it sees the client's real address and the site's public address.
        app.UsePublicAddress();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        // Inside the error page's handler: a busy database is answered "try again", not as an error.
        app.UseDatabaseBusyResponses();
        app.UseSecurityHeaders();
        if (app.Configuration.GetValue<bool>($"{NewsReaderOptions.Section}:{nameof(NewsReaderOptions.CompressResponses)}"))
        {
            // Outside the output cache, which keeps one uncompressed copy for every client.
            app.UseResponseCompression();
        }
        // Cached reader pages are answered here, before routing and authentication; it keeps its
        // copies as the output cache below stores them, so it sits inside compression too.
        app.UseReaderPageFastPath();
        app.UseHeadAsGet();
        app.UseRouting();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAccounts();
        // After authentication (signed-in editors bypass the cache) and routing (the policy reads the page's metadata).
        app.UseOutputCache();
        // Before antiforgery, which reads posted forms.
        app.UseBodyLimits();
        app.UseRateLimits();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/healthz");
        app.MapReactions();
        app.MapFeeds();
        app.MapAuthors();
        app.MapMedia();
        app.MapRazorComponents<App>()
            // Our own Content-Security-Policy already says frame-ancestors 'self'.
            .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null)
            .RequireEditorsForCircuits()
            .WithoutStateOnStaticPages();
        return app;
    }

    /// <summary>
    /// Prepares the database, then serves. A database that cannot be used (corrupt, read-only, not
    /// a file) is said in one log line and ends the process with exit code 1, without a stack trace.
    /// </summary>
    public static async Task<int> RunNewsReaderAsync(this WebApplication app)
    {
        try
        {
            await app.Services.GetRequiredService<DatabaseSetup>().PrepareAsync(app.Lifetime.ApplicationStopping);
        }
        catch (DatabaseUnavailableException ex)
        {
            app.Logger.LogCritical("{Problem}", ex.Message);
            // The console logger writes from a queue of its own: disposing the app flushes it, so the
            // one line saying why is not lost when the process ends right after (seen on a loaded machine).
            await app.DisposeAsync();
            return 1;
        }
        await app.RunAsync();
        return 0;
    }
}
