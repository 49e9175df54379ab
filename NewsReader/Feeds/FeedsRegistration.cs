using Microsoft.Extensions.Options;
using NewsReader.Caching;
using NewsReader.Stories;
using NewsReader.Web;

namespace NewsReader.Feeds;

/// <summary>What feed readers, crawlers and link previews read: /feed.xml, /atom.xml, /sitemap.xml, /robots.txt.</summary>
public static class FeedsRegistration
{
    public const int FeedSize = 20;

    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.AddSingleton<FeedStories>();
        services.AddOptions<SitemapOptions>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder routes)
    {
        // Kept in the output cache like the reader pages, and evicted with the lists on any story change.
        var endpoints = routes.MapGroup("")
            .WithMetadata(new ReaderPageAttribute())
            .AddEndpointFilter((context, next) =>
            {
                CacheTags.Add(context.HttpContext, CacheTags.Feeds);
                return next(context);
            });
        endpoints.MapGet("/feed.xml", async (HttpContext http, FeedStories stories) =>
        {
            var site = SiteAddress.BaseUri(http.Request);
            var latest = await stories.GetLatestAsync(FeedSize, http.RequestAborted);
            return Results.Bytes(FeedDocuments.Rss(latest, site, new Uri(site, "feed.xml")), "application/rss+xml; charset=utf-8");
        });

        endpoints.MapGet("/atom.xml", async (HttpContext http, FeedStories stories) =>
        {
            var site = SiteAddress.BaseUri(http.Request);
            var latest = await stories.GetLatestAsync(FeedSize, http.RequestAborted);
            return Results.Bytes(FeedDocuments.Atom(latest, site, new Uri(site, "atom.xml")), "application/atom+xml; charset=utf-8");
        });

        // A section's own feed: one category or tag, linked from its page.
        endpoints.MapGet("/categories/{slug}/feed.xml", (HttpContext http, string slug, FeedStories stories, PublishedStories published) =>
            SectionFeedAsync(http, TermKind.Category, slug, stories, published));
        endpoints.MapGet("/tags/{slug}/feed.xml", (HttpContext http, string slug, FeedStories stories, PublishedStories published) =>
            SectionFeedAsync(http, TermKind.Tag, slug, stories, published));

        endpoints.MapGet("/news-sitemap.xml", async (HttpContext http, FeedStories stories) =>
        {
            var recent = await stories.GetRecentAsync(NewsSitemap.Window, http.RequestAborted);
            return Results.Bytes(NewsSitemap.Write(recent, SiteAddress.BaseUri(http.Request), "en"), "application/xml; charset=utf-8");
        });

        endpoints.MapGet("/sitemap.xml", async (HttpContext http, FeedStories stories, IOptions<SitemapOptions> options) =>
        {
            var cancellationToken = http.RequestAborted;
            var site = SiteAddress.BaseUri(http.Request);
            var listPages = await stories.GetListPagesAsync(cancellationToken);
            var layout = new SitemapLayout(listPages.Count, await stories.CountPublishedAsync(cancellationToken), options.Value.UrlsPerFile);
            http.Response.ContentType = "application/xml; charset=utf-8";
            if (layout.IsIndex)
            {
                await SitemapWriter.WriteIndexAsync(http.Response.Body, site, layout.PartCount, cancellationToken);
                return;
            }
            await SitemapWriter.WriteUrlSetAsync(http.Response.Body, site,
                Concat(listPages, stories.StreamStoriesAsync(0, layout.Stories, cancellationToken)), cancellationToken);
        });

        endpoints.MapGet("/sitemap-{part:int}.xml", async (int part, HttpContext http, FeedStories stories, IOptions<SitemapOptions> options) =>
        {
            var cancellationToken = http.RequestAborted;
            var listPages = await stories.GetListPagesAsync(cancellationToken);
            var layout = new SitemapLayout(listPages.Count, await stories.CountPublishedAsync(cancellationToken), options.Value.UrlsPerFile);
            if (!layout.IsIndex || part < 1 || part > layout.PartCount)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            var (listSkip, listTake, storySkip, storyTake) = layout.Part(part);
            http.Response.ContentType = "application/xml; charset=utf-8";
            await SitemapWriter.WriteUrlSetAsync(http.Response.Body, SiteAddress.BaseUri(http.Request),
                Concat(listPages.Skip(listSkip).Take(listTake).ToList(),
                    storyTake > 0 ? stories.StreamStoriesAsync(storySkip, storyTake, cancellationToken) : Empty()),
                cancellationToken);
        });

        endpoints.MapGet("/robots.txt", (HttpContext http) =>
        {
            var sitemap = new Uri(SiteAddress.BaseUri(http.Request), "sitemap.xml");
            var newsSitemap = new Uri(SiteAddress.BaseUri(http.Request), "news-sitemap.xml");
            return Results.Text($"""
                User-agent: *
                Allow: /
                Disallow: /admin
                Disallow: /account

                Sitemap: {sitemap.AbsoluteUri}
                Sitemap: {newsSitemap.AbsoluteUri}

                """, "text/plain; charset=utf-8");
        });

        return routes;
    }

    private static async Task<IResult> SectionFeedAsync(HttpContext http, TermKind kind, string slug, FeedStories stories, PublishedStories published)
    {
        if (await published.FindTermAsync(kind, slug, http.RequestAborted) is not { } term)
        {
            return Results.NotFound();
        }
        var site = SiteAddress.BaseUri(http.Request);
        var section = kind == TermKind.Category ? "categories" : "tags";
        var page = new Uri(site, $"{section}/{Uri.EscapeDataString(term.Slug)}");
        var latest = await stories.GetLatestAsync(FeedSize, http.RequestAborted, term);
        var channel = new FeedChannel($"{FeedDocuments.SiteTitle}: {term.Name}",
            kind == TermKind.Category ? $"Stories in {term.Name}." : $"Stories tagged {term.Name}.", page);
        return Results.Bytes(FeedDocuments.Rss(latest, site, new Uri(page + "/feed.xml"), channel), "application/rss+xml; charset=utf-8");
    }

    private static async IAsyncEnumerable<SitemapEntry> Concat(IReadOnlyList<SitemapEntry> first, IAsyncEnumerable<SitemapEntry> rest)
    {
        foreach (var entry in first)
        {
            yield return entry;
        }
        await foreach (var entry in rest)
        {
            yield return entry;
        }
    }

    private static async IAsyncEnumerable<SitemapEntry> Empty()
    {
        await Task.CompletedTask;
        yield break;
    }
}
