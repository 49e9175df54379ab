using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.AspNetCore.Diagnostics;
using NewsReader.Web;

namespace NewsReader.Caching;

/// <summary>
/// Which responses the output cache keeps: GET and HEAD of <see cref="ReaderPageAttribute"/> pages
/// (and the feeds), for anonymous readers, when they answer 200 and set no cookie.
/// </summary>
/// <remarks>
/// <para>Reactions: the story page shows the reader's own choice, which comes from the reader cookie. The
/// page is kept once for everybody without that cookie (crawlers, and most readers) and once per
/// reader who has reacted somewhere; a reaction evicts every copy of that story's page. Filling the
/// choice in afterwards with script would keep one copy, but the reaction form has to work, and show
/// the choice, without JavaScript.</para>
/// <para>Services come from the request: the output cache's options hold this policy, and the evictor
/// depends on the store that those options configure.</para>
/// </remarks>
public sealed class ReaderPageCachePolicy : IOutputCachePolicy
{
    /// <summary>
    /// Browsers and proxies may keep a reader page but must ask again before showing it, so a
    /// published change or a new reaction count shows on the next view; the server answers that
    /// from its own cache.
    /// </summary>
    public const string ReaderCacheControl = "public, max-age=0, must-revalidate";

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<ReaderPageAttribute>() is not { } page
            || !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)))
        {
            return;
        }
        http.Response.Headers.CacheControl = ReaderCacheControl;
        if (page.VariesByReader)
        {
            http.Response.Headers.Vary = HeaderNames.Cookie;
        }
        // The not-found and error pages shown in place of another address: never looked up or kept,
        // or a copy stored under their own address would answer every unknown URL.
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            return;
        }

        var services = http.RequestServices;
        // Signed-in editors always see the database as it is now, and their pages are never kept.
        if (!services.GetRequiredService<IOptionsMonitor<NewsReaderOptions>>().CurrentValue.OutputCache
            || !string.IsNullOrEmpty(http.Request.Headers.Authorization)
            || http.User.Identity?.IsAuthenticated == true)
        {
            return;
        }

        if (!ReaderPageVariation.TryApply(context, page))
        {
            return;
        }
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        // No locking: with it, readers asking for a page that is not in the cache wait until the first
        // request for it has been stored, which is after its last byte reached that first client. A
        // client reading a large page (the sitemap) at a few bytes a second would hold them all. The
        // price is that a page missing from the cache may be rendered by several requests at once.
        context.AllowLocking = false;
        context.Tags.Add(CacheTags.AllReaderPages);
        var lifetime = await services.GetRequiredService<ReaderPageEvictor>().TryGetLifetimeFromNowAsync(cancellationToken);
        if (lifetime is { } validFor && validFor > TimeSpan.Zero)
        {
            context.ResponseExpirationTimeSpan = validFor;
        }
        else
        {
            context.AllowCacheStorage = false;
        }
        services.GetRequiredService<CacheFreshness>().MarkRequestStart(http);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        // Not-found and error pages, redirects and anything that sets a cookie are answered fresh.
        if (response.StatusCode != StatusCodes.Status200OK || !string.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
