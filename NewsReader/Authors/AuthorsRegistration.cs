using NewsReader.Caching;
using NewsReader.Feeds;
using NewsReader.Web;

namespace NewsReader.Authors;

/// <summary>Authors: their pages and feeds for readers, and their administration.</summary>
public static class AuthorsRegistration
{
    public static IServiceCollection AddAuthors(this IServiceCollection services)
    {
        services.AddSingleton<AuthorStories>();
        services.AddScoped<AuthorAdmin>();
        services.AddSingleton<AuthorPageEvictor>();
        return services;
    }

    public static IEndpointRouteBuilder MapAuthors(this IEndpointRouteBuilder routes)
    {
        // An author's own feed, linked from their page; cached like the other feeds.
        routes.MapGet("/authors/{slug}/feed.xml", async (HttpContext http, string slug, AuthorStories authors, FeedStories stories) =>
        {
            if (await authors.FindAsync(slug, http.RequestAborted) is not { } author)
            {
                return Results.NotFound();
            }
            CacheTags.Add(http, CacheTags.Feeds, CacheTags.Author(author.Slug));
            var site = SiteAddress.BaseUri(http.Request);
            var page = new Uri(site, AuthorPaths.Page(author.Slug).TrimStart('/'));
            var latest = await stories.GetLatestByAuthorAsync(author.Id, FeedsRegistration.FeedSize, http.RequestAborted);
            var channel = new FeedChannel($"{FeedDocuments.SiteTitle}: {author.Name}", $"Stories by {author.Name}.", page);
            return Results.Bytes(FeedDocuments.Rss(latest, site, new Uri(page + "/feed.xml"), channel), "application/rss+xml; charset=utf-8");
        }).WithMetadata(new ReaderPageAttribute());
        return routes;
    }
}
